import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentError, type ExtractedDocument, type Word } from '@woo/core';
import { PDFDocument } from 'pdf-lib';
import { extractDocument, MAX_RENDER_PIXELS, openPdf, renderPage } from '../src/index.js';
import { mixedPdf } from './fixtures.js';
import { hasTool, popplerWords, type PopplerWord } from './poppler.js';

let pdf: Uint8Array;
let doc: ExtractedDocument;
let poppler: PopplerWord[][];

beforeAll(async () => {
  pdf = await mixedPdf();
  doc = await extractDocument(pdf);
  poppler = popplerWords(pdf);
});

/** Along the text both must agree within 2 pt. Across it poppler takes the cap height as the top
 * of base-14 fonts where we take the (taller) ascent, so that direction gets 3.5 pt. */
function expectSameBox(w: Word, p: PopplerWord) {
  expect(w.text).toBe(p.text);
  const upright = p.xMax - p.xMin >= p.yMax - p.yMin || p.text.length === 1;
  const [along, across] = upright ? [2, 3.5] : [3.5, 2];
  expect(Math.abs(w.box.x - p.xMin)).toBeLessThan(along);
  expect(Math.abs(w.box.x + w.box.width - p.xMax)).toBeLessThan(along);
  expect(Math.abs(w.box.y - p.yMin)).toBeLessThan(across);
  expect(Math.abs(w.box.y + w.box.height - p.yMax)).toBeLessThan(across);
}

describe('extractDocument', () => {
  it('finds the same words as poppler, with boxes within 2 pt, on every kind of page', () => {
    expect(doc.pages).toHaveLength(6);
    // text of different writing directions may come in another order: compare by position
    const order = <T extends { text: string }>(ws: T[], y: (w: T) => number, x: (w: T) => number) =>
      [...ws].sort((a, b) => y(a) - y(b) || x(a) - x(b) || a.text.localeCompare(b.text));
    for (const page of doc.pages.slice(0, 4)) {
      const ref = order(poppler[page.number - 1]!, (p) => Math.round(p.yMin / 4), (p) => p.xMin);
      const ours = order(page.words, (w) => Math.round(w.box.y / 4), (w) => w.box.x);
      expect(ours.map((w) => w.text)).toEqual(ref.map((w) => w.text));
      ours.forEach((w, i) => expectSameBox(w, ref[i]!));
    }
  });

  it('reads embedded subset fonts with characters outside WinAnsi', () => {
    const texts = doc.pages[1]!.words.map((w) => w.text);
    expect(texts).toEqual(expect.arrayContaining(['Yılmaz', 'Michał', 'Łódź,', 'Zoë', 'Ĳsselmeer']));
  });

  it('reports the displayed page size: rotation and MediaBox origin applied', () => {
    expect([doc.pages[2]!.width, doc.pages[2]!.height]).toEqual([842, 595]);
    expect([doc.pages[3]!.width, doc.pages[3]!.height]).toEqual([400, 500]);
    for (const page of doc.pages) {
      for (const w of page.words) {
        expect(w.box.x).toBeGreaterThanOrEqual(0);
        expect(w.box.y).toBeGreaterThanOrEqual(0);
        expect(w.box.x + w.box.width).toBeLessThanOrEqual(page.width);
        expect(w.box.y + w.box.height).toBeLessThanOrEqual(page.height);
      }
    }
  });

  it('gives character edges exact enough to box the local part of an e-mail address', async () => {
    const { StandardFonts, PDFDocument } = await import('pdf-lib');
    const helv = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const word = doc.pages[0]!.words.find((w) => w.text === '(j.jansen@amsterdam.nl)')!;
    expect(word.charEdges).toHaveLength(word.text.length + 1);
    expect(word.charEdges[0]).toBe(word.box.x);
    expect(word.charEdges.at(-1)).toBeCloseTo(word.box.x + word.box.width, 1);
    for (let i = 1; i < word.charEdges.length; i++) expect(word.charEdges[i]!).toBeGreaterThanOrEqual(word.charEdges[i - 1]!);
    const at = word.text.indexOf('@');
    const expected = word.box.x + helv.widthOfTextAtSize(word.text.slice(0, at), 10);
    expect(Math.abs(word.charEdges[at]! - expected)).toBeLessThan(0.1);
  });

  it('marks scanned pages for OCR: image only, and image with a stamped header', () => {
    const [text, , rotated, shifted, scan, stamped] = doc.pages;
    for (const p of [text!, rotated!, shifted!]) {
      expect(p.needsOcr).toBe(false);
      expect(p.source).toBe('text-layer');
    }
    expect(scan!.needsOcr).toBe(true);
    expect(scan!.source).toBe('none');
    expect(scan!.words).toEqual([]);
    expect(stamped!.needsOcr).toBe(true);
    expect(stamped!.source).toBe('text-layer');
    expect(stamped!.words.map((w) => w.text)).toEqual(['Kenmerk', '2024-001']);
  });
});

describe('renderPage', () => {
  it('renders a poster-sized page at a lower resolution instead of running out of memory', async () => {
    const poster = await PDFDocument.create();
    poster.addPage([2384, 3370]); // A0 in points
    const handle = await openPdf(await poster.save());
    try {
      const { canvas, scale } = await renderPage(handle, 1, 300);
      expect(canvas.width * canvas.height).toBeLessThanOrEqual(MAX_RENDER_PIXELS * 1.01);
      expect(scale).toBeLessThan(300 / 72);
      expect(canvas.width).toBe(Math.ceil(2384 * scale));
    } finally {
      await handle.close();
    }
  });

  it('renders the displayed page on white at the requested resolution', async () => {
    const handle = await openPdf(pdf);
    try {
      const rotated = await renderPage(handle, 3, 144);
      expect(rotated.scale).toBe(2);
      expect([rotated.canvas.width, rotated.canvas.height]).toEqual([1684, 1190]);
      const first = await renderPage(handle, 1, 72);
      const ctx = first.canvas.getContext('2d');
      const corner = ctx.getImageData(0, 0, 1, 1).data;
      expect([...corner]).toEqual([255, 255, 255, 255]);
      const g = doc.pages[0]!.words[0]!.box;
      const ink = ctx.getImageData(Math.floor(g.x), Math.floor(g.y), Math.ceil(g.width), Math.ceil(g.height)).data;
      let dark = 0;
      for (let i = 0; i < ink.length; i += 4) if (ink[i]! < 128) dark++;
      expect(dark).toBeGreaterThan(10);
    } finally {
      await handle.close();
    }
  });
});

describe('error classification', () => {
  async function codeOf(bytes: Uint8Array): Promise<string> {
    try {
      await extractDocument(bytes);
      return 'ok';
    } catch (err) {
      expect(err).toBeInstanceOf(DocumentError);
      expect((err as DocumentError).message).toMatch(/[a-z]/);
      return (err as DocumentError).code;
    }
  }
  const text = (s: string) => new TextEncoder().encode(s);

  it('empty and whitespace-only files', async () => {
    expect(await codeOf(new Uint8Array())).toBe('empty');
    expect(await codeOf(text(' \n\t\r\n'))).toBe('empty');
  });

  it('files that are not PDFs, naming what they are', async () => {
    await expect(extractDocument(text('Dit is een tekstbestand.'))).rejects.toThrow('Dit bestand is geen PDF (het begint niet met %PDF).');
    await expect(extractDocument(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).rejects.toThrow(/PNG-afbeelding/);
    await expect(extractDocument(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).rejects.toThrow(/JPEG-afbeelding/);
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...text('\0\0\0\0[Content_Types].xml word/document.xml')]);
    await expect(extractDocument(docx)).rejects.toThrow(/Word-document/);
  });

  it('garbage and truncated PDFs are corrupt', async () => {
    expect(await codeOf(text('%PDF-1.7\nthis is not really a pdf'))).toBe('corrupt');
    expect(await codeOf(pdf.slice(0, Math.floor(pdf.length / 2)))).toBe('corrupt');
    expect(await codeOf(pdf.slice(0, 200))).toBe('corrupt');
  });

  it('leaves the caller’s bytes usable (pdfjs gets a copy)', async () => {
    await extractDocument(pdf);
    expect(pdf.byteLength).toBeGreaterThan(1000);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  const qpdf = hasTool('qpdf');
  if (!qpdf && process.env.CI === 'true') throw new Error('qpdf is required in CI for the encrypted-PDF test');
  if (!qpdf) console.warn('\n!!! SKIPPING the encrypted-PDF test: qpdf is not installed (apt install qpdf) !!!\n');
  it.skipIf(!qpdf)('password-protected PDFs are reported as encrypted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'woo-pdf-enc-'));
    try {
      writeFileSync(path.join(dir, 'in.pdf'), pdf);
      execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
      const encrypted = new Uint8Array(readFileSync(path.join(dir, 'out.pdf')));
      expect(await codeOf(encrypted)).toBe('encrypted');
      await expect(extractDocument(encrypted)).rejects.toThrow(/beveiligd met een wachtwoord/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
