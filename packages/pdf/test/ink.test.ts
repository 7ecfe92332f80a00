import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts, TextRenderingMode, degrees, rgb, setTextRenderingMode, type PDFFont, type PDFPage } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument, Page } from '@woo/core';
import { extractDocument, withPdf } from '../src/index.js';
import { displayOperators } from '../src/layers.js';
import { inkNeed, pageFonts, type InkNeed } from '../src/plain-text.js';
import { extractFontWords } from '../src/words.js';
import { looksLikeGarbage } from '../src/font-trust.js';
import { DEJAVU } from './fixtures.js';

/* Ink accounting (issue 8): what the page shows decides what is read. Each page of one generated
 * PDF is a case; the assertions read the extraction, not our own rendering. */

const texts = (p: Page) => p.words.map((w) => w.text).join(' ');
const hidden = (p: Page) => (p.hiddenWords ?? []).map((w) => w.text).join(' ');

/** A PNG of typed text, as a screenshot pasted into a document would be. */
async function textPng(lines: string[]): Promise<Uint8Array> {
  if (!GlobalFonts.has('InkTestSans')) GlobalFonts.registerFromPath(DEJAVU, 'InkTestSans');
  const canvas = createCanvas(520, 30 + 26 * lines.length);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f4f6f8';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = '18px InkTestSans';
  lines.forEach((l, i) => ctx.fillText(l, 14, 32 + 26 * i));
  return new Uint8Array(await canvas.encode('png'));
}

/** Draws `text` glyph by glyph in the given order of character indices. */
function drawGlyphs(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size: number, order: number[]) {
  const xs: number[] = [];
  let at = x;
  for (const ch of text) {
    xs.push(at);
    at += font.widthOfTextAtSize(ch, size);
  }
  for (const i of order) page.drawText(text[i]!, { x: xs[i]!, y, size, font });
}

let doc: ExtractedDocument;

beforeAll(async () => {
  const pdf = await PDFDocument.create();
  const helv = await pdf.embedFont(StandardFonts.Helvetica);
  const body = (p: PDFPage, y = 760) => p.drawText('De commissie heeft de aanvragen beoordeeld.', { x: 56, y, size: 11, font: helv });

  // 1: white text, and text under a black box drawn by hand
  const p1 = pdf.addPage([595, 842]);
  body(p1);
  p1.drawText('Wit geschreven Pietersen', { x: 56, y: 700, size: 11, font: helv, color: rgb(1, 1, 1) });
  p1.drawText('Afgedekt Bakkerman', { x: 56, y: 650, size: 11, font: helv });
  p1.drawRectangle({ x: 50, y: 640, width: 200, height: 25, color: rgb(0, 0, 0) });

  // 2: a screenshot of an e-mail on a typed page, and a table grid image without text
  const p2 = pdf.addPage([595, 842]);
  body(p2);
  const shot = await pdf.embedPng(await textPng(['Van: Jeroen Smit', 'Aan: team wonen', 'Bel mij op 06-12345678']));
  p2.drawImage(shot, { x: 56, y: 560, width: 360, height: 360 * (shot.height / shot.width) });
  const grid = createCanvas(400, 120);
  const g = grid.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 400, 120);
  g.strokeStyle = '#000';
  for (let y = 0.5; y < 120; y += 20) g.strokeRect(0.5, y, 399, 20);
  for (let x = 0.5; x < 400; x += 100) g.strokeRect(x, 0.5, 100, 119);
  const gridImage = await pdf.embedPng(new Uint8Array(await grid.encode('png')));
  p2.drawImage(gridImage, { x: 56, y: 300, width: 400, height: 120 });

  // 3: glyphs drawn out of order, letter-spaced, a duplicated glyph run (fake bold), short words
  const p3 = pdf.addPage([595, 842]);
  drawGlyphs(p3, helv, 'Jeroen Jansen', 56, 760, 12, [9, 2, 12, 0, 5, 7, 1, 11, 3, 10, 4, 8, 6]);
  p3.drawText('J a n n e k e', { x: 56, y: 720, size: 12, font: helv });
  p3.drawText('Vet', { x: 56, y: 680, size: 12, font: helv });
  p3.drawText('Vet', { x: 56.2, y: 680, size: 12, font: helv });
  p3.drawText('Dit is il ij en zo', { x: 56, y: 640, size: 12, font: helv });

  // 4: margin text turned a quarter
  const p4 = pdf.addPage([595, 842]);
  body(p4);
  p4.drawText('Kenmerk zaak 2024 Mulder', { x: 30, y: 300, size: 9, font: helv, rotate: degrees(90) });
  doc = await extractDocument(await pdf.save());
}, 60_000);

describe('ink accounting', () => {
  it('keeps text that paints nothing visible out of the words, and reports it as hidden', () => {
    const [p1] = doc.pages;
    expect(texts(p1!)).toBe('De commissie heeft de aanvragen beoordeeld.');
    expect(hidden(p1!)).toBe('Wit geschreven Pietersen Afgedekt Bakkerman');
    expect(p1!.needsOcr).toBe(false);
  });

  it('sends a pasted screenshot to OCR, but not an image of ruled lines', () => {
    const p2 = doc.pages[1]!;
    expect(p2.needsOcr).toBe(true);
    expect(p2.ocrRegions).toHaveLength(1);
    const r = p2.ocrRegions![0]!;
    // the screenshot stands at x 56..416, y (from the top) 842-560-h .. 842-560
    expect(r.x).toBeGreaterThan(50);
    expect(r.x + r.width).toBeLessThan(420);
    expect(r.y + r.height).toBeLessThan(842 - 560 + 2);
    expect(r.y + r.height).toBeLessThan(842 - 420); // nothing of the grid at y 422..542
  });

  it('builds words by geometry: shuffled glyphs, letter spacing, glyphs drawn twice', () => {
    const p3 = doc.pages[2]!;
    expect(p3.words.map((w) => w.text)).toEqual(['Jeroen', 'Jansen', 'Janneke', 'Vet', 'Dit', 'is', 'il', 'ij', 'en', 'zo']);
    expect(p3.words.every((w) => w.angle === undefined)).toBe(true);
  });

  it('gives turned text its writing direction, whatever its box looks like', () => {
    const p4 = doc.pages[3]!;
    const margin = p4.words.filter((w) => w.angle === 90).map((w) => w.text);
    expect(margin).toEqual(['Kenmerk', 'zaak', '2024', 'Mulder']);
    // one line: the detector reads the name in its context
    expect(new Set(p4.words.filter((w) => w.angle === 90).map((w) => w.line)).size).toBe(1);
  });
});

describe('font trust', () => {
  it('takes shifted letters for garbage and Dutch prose and names for text', () => {
    expect(looksLikeGarbage(['Kfspfo', 'Kbotfo'])).toBe(true);
    expect(looksLikeGarbage(['Hfbdiuf', 'iffs', 'Cbllfs,', 'ijfscjk', 'pouwbohu', 'v'])).toBe(true);
    expect(looksLikeGarbage(['%', '+', '&', '#', "'", '(', '*'])).toBe(true);
    expect(looksLikeGarbage(['Geachte', 'heer', 'Bakker,', 'hierbij', 'ontvangt', 'u', 'het', 'besluit'])).toBe(false);
    expect(looksLikeGarbage(['Sjoukje', 'Wijnja', 'en', 'Regillio', 'Tjon'])).toBe(false);
    expect(looksLikeGarbage(['06-12345678', '1012', 'AB'])).toBe(false);
  });
});

describe('pages of plain visible text are not rendered', () => {
  it('takes only dark, filled, legible text of trusted fonts on the page as plain; white or invisible text is rendered and found hidden', async () => {
    const pdf = await PDFDocument.create();
    const helv = await pdf.embedFont(StandardFonts.Helvetica);
    const line = 'De commissie heeft de aanvragen beoordeeld.';
    pdf.addPage([595, 842]).drawText(line, { x: 56, y: 760, size: 11, font: helv, color: rgb(0.2, 0.2, 0.3) });
    const white = pdf.addPage([595, 842]);
    white.drawText(line, { x: 56, y: 760, size: 11, font: helv });
    white.drawText('Wit geschreven Pietersen', { x: 56, y: 700, size: 11, font: helv, color: rgb(1, 1, 1) });
    const invisible = pdf.addPage([595, 842]);
    invisible.drawText(line, { x: 56, y: 760, size: 11, font: helv });
    invisible.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible));
    invisible.drawText('Onzichtbaar Bakkerman', { x: 56, y: 700, size: 11, font: helv });
    const outside = pdf.addPage([595, 842]);
    outside.drawText(line, { x: 56, y: 760, size: 11, font: helv });
    outside.drawText('Buiten de pagina Mulder', { x: 640, y: 700, size: 11, font: helv });
    const bytes = await pdf.save();

    const plain = await withPdf(bytes, async (handle) => {
      const out: boolean[] = [];
      for (let n = 1; n <= handle.numPages; n++) {
        const page = await handle.doc.getPage(n);
        out.push(inkNeed(await displayOperators(page), await extractFontWords(page), page.getViewport({ scale: 1 }), pageFonts(page)) === 'nothing');
      }
      return out;
    });
    // text beside the page is not shown, not read and not published (the vector export removes it)
    expect(plain).toEqual([true, false, false, true]);
    const read = await extractDocument(bytes);
    expect(texts(read.pages[0]!)).toBe(line);
    expect(hidden(read.pages[1]!)).toBe('Wit geschreven Pietersen');
    expect(hidden(read.pages[2]!)).toBe('Onzichtbaar Bakkerman');
    expect(texts(read.pages[3]!)).toBe(line);
    expect(hidden(read.pages[3]!)).toBe('');
  });
});

describe('pages with drawings beside their text', () => {
  /** `text` as filled glyph outlines (no text object), its baseline at (x, y) in PDF points. */
  function drawOutlines(page: PDFPage, text: string, x: number, y: number, size: number): void {
    const face = fontkit.create(fs.readFileSync(DEJAVU)) as fontkit.Font;
    const run = face.layout(text);
    const scale = size / face.unitsPerEm;
    let pen = x;
    run.glyphs.forEach((glyph, i) => {
      // drawSvgPath flips y (SVG is y-down): the glyph is drawn upside down unless flipped back here
      page.drawSvgPath((glyph.path as unknown as { scale(x: number, y: number): { toSVG(): string } }).scale(1, -1).toSVG(), { x: pen, y, scale, color: rgb(0, 0, 0) });
      pen += (run.positions[i]?.xAdvance ?? glyph.advanceWidth) * scale;
    });
  }

  it('renders only what could hide a word or be text: rules and frames not at all, drawn letters and slanted lines alone, drawings on words in full', async () => {
    const pdf = await PDFDocument.create();
    const helv = await pdf.embedFont(StandardFonts.Helvetica);
    const line = 'De commissie heeft de aanvragen beoordeeld.';
    const withLine = (draw: (p: PDFPage) => void) => {
      const page = pdf.addPage([595, 842]);
      page.drawText(line, { x: 56, y: 760, size: 11, font: helv });
      draw(page);
    };
    withLine((p) => p.drawLine({ start: { x: 56, y: 740 }, end: { x: 540, y: 740 }, thickness: 1 }));
    withLine((p) => p.drawRectangle({ x: 56, y: 500, width: 300, height: 120, borderWidth: 1, borderColor: rgb(0, 0, 0) }));
    withLine((p) => drawOutlines(p, 'Getekend door Hendrikus Pietersen', 56, 600, 14));
    withLine((p) => p.drawRectangle({ x: 120, y: 755, width: 80, height: 16, color: rgb(0, 0, 0) }));
    withLine((p) => p.drawLine({ start: { x: 56, y: 763 }, end: { x: 300, y: 763 }, thickness: 0.8 }));
    withLine((p) => p.drawLine({ start: { x: 56, y: 740 }, end: { x: 540, y: 740 }, thickness: 40, color: rgb(0.9, 0.9, 0.9) }));
    withLine((p) => p.drawLine({ start: { x: 56, y: 300 }, end: { x: 540, y: 600 }, thickness: 1 }));
    const bytes = await pdf.save();

    const needs = await withPdf(bytes, async (handle) => {
      const out: InkNeed[] = [];
      for (let n = 1; n <= handle.numPages; n++) {
        const page = await handle.doc.getPage(n);
        out.push(inkNeed(await displayOperators(page), await extractFontWords(page), page.getViewport({ scale: 1 }), pageFonts(page)));
      }
      return out;
    });
    // a frame is four thin lines; the thick light line reaches the text (its half width is 20 pt)
    expect(needs).toEqual(['nothing', 'nothing', 'drawings', 'everything', 'everything', 'everything', 'drawings']);

    const read = await extractDocument(bytes);
    expect(read.pages.map((p) => p.needsOcr)).toEqual([false, false, true, false, false, false, false]);
    // the drawn name lies in a region OCR reads
    const drawn = read.pages[2]!.ocrRegions!;
    expect(drawn.some((r) => r.x <= 60 && r.x + r.width >= 250 && r.y <= 842 - 614 && r.y + r.height >= 842 - 600)).toBe(true);
    // the black box hides the words under it; the struck-through line is still visible
    expect(hidden(read.pages[3]!)).toBe('heeft de');
    expect(texts(read.pages[3]!)).toBe('De commissie aanvragen beoordeeld.');
    expect(texts(read.pages[4]!)).toBe(line);
  });
});

describe('pages with shaded tables', () => {
  const header = ['Naam', 'Functie', 'Telefoon'];
  const rows = [
    ['Jan Visser', 'adviseur', '06-12345678'],
    ['Petra Smit', 'jurist', '06-87654321'],
    ['Karim Bouali', 'beleidsmedewerker', '06-11223344'],
  ];

  /** A title, then a table: each row's shade (every other row, and the header) painted just
   * before the row's own text, as word processors write tables. */
  async function shadedTable(options: { shade?: ReturnType<typeof rgb>; rotate?: number; coverAfter?: boolean } = {}) {
    const pdf = await PDFDocument.create();
    const helv = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    if (options.rotate) page.setRotation(degrees(options.rotate));
    page.drawText('Overzicht van de contactpersonen', { x: 56, y: 780, size: 14, font: helv });
    const shade = options.shade ?? rgb(0.88, 0.88, 0.88);
    [header, ...rows].forEach((cells, r) => {
      const top = 740 - r * 22;
      if (r % 2 === 0) page.drawRectangle({ x: 56, y: top - 22, width: 480, height: 22, color: shade });
      cells.forEach((cell, c) => page.drawText(cell, { x: 62 + c * 160, y: top - 15, size: 10, font: helv }));
    });
    // a light box painted over the text after it: it hides what it covers
    if (options.coverAfter) page.drawRectangle({ x: 60, y: 740 - 22 - 22, width: 100, height: 22, color: rgb(0.95, 0.95, 0.95) });
    return pdf.save();
  }

  async function needOf(bytes: Uint8Array): Promise<InkNeed> {
    return withPdf(bytes, async (handle) => {
      const page = await handle.doc.getPage(1);
      return inkNeed(await displayOperators(page), await extractFontWords(page), page.getViewport({ scale: 1 }), pageFonts(page));
    });
  }

  it('does not render a light shade painted before the text that stands on it, also on a turned page', async () => {
    for (const rotate of [0, 90]) {
      const bytes = await shadedTable({ rotate });
      expect(await needOf(bytes)).toBe('nothing');
      const page = (await extractDocument(bytes)).pages[0]!;
      expect(texts(page)).toContain('Petra Smit jurist 06-87654321');
      expect(page.hiddenWords ?? []).toEqual([]);
    }
  });

  it('renders in full a light box painted over text, and finds the words under it hidden', async () => {
    const bytes = await shadedTable({ coverAfter: true });
    expect(await needOf(bytes)).toBe('everything');
    expect(hidden((await extractDocument(bytes)).pages[0]!)).toBe('Jan Visser');
  });

  it('renders in full a dark shade under text, where dark text may not stand out', async () => {
    expect(await needOf(await shadedTable({ shade: rgb(0.2, 0.2, 0.45) }))).toBe('everything');
  });
});
