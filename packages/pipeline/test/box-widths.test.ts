import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { buildTextIndex, spanBoxes, type ExtractedDocument, type Page, type Redaction, type Word } from '@woo/core';
import { extractDocument } from '@woo/pdf';
import { WIDTH_STEP_EM } from '@woo/core';
import { equaliseBoxWidths, steppedWidth } from '../src/box-widths.js';
import { exportStage } from '../src/stages.js';

/** A form-like page: two names of different length on one line with white space after each,
 * a name in running text (no white space to take), and an e-mail address whose local part is
 * redacted (the domain right after it stays visible). */
async function formPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const line = (text: string, x: number, y: number) => page.drawText(text, { x, y, size: 10, font });
  line('Aanvrager: Jan Jansen', 56, 760);
  line('Behandelaar: Pieter Verbeek', 300, 760);
  line('In het gesprek met Jan Jansen kwam de aanvraag ter sprake.', 56, 730);
  line('Contact: pieter.verbeek@gemeente.nl voor vragen.', 56, 700);
  return pdf.save();
}

function redactAll(doc: ExtractedDocument, text: string, id: string): Redaction[] {
  const index = buildTextIndex(doc.pages);
  const out: Redaction[] = [];
  for (let start = index.text.indexOf(text); start >= 0; start = index.text.indexOf(text, start + 1)) {
    for (const span of spanBoxes(index, doc.pages, start, start + text.length)) {
      out.push({ id: `${id}${out.length}`, page: span.page, boxes: span.boxes, text, category: 'name', ground: '5.1.2e', confidence: 0.9, detector: 'test', explanation: '', status: 'accepted', needsReview: false });
    }
  }
  return out;
}


describe('box widths do not give away the length of what they hide', () => {
  it('rounds widths up to fixed steps', () => {
    expect(steppedWidth(30, 10)).toBe(30);
    expect(steppedWidth(31, 10)).toBe(60);
    expect(steppedWidth(59.9, 10)).toBe(60);
  });

  it('leaves turned text alone and keeps clear of images, other boxes and the page edge', () => {
    const word = (text: string, x: number, width: number, angle?: number): Word => ({ text, box: { x, y: 100, width, height: 10 }, charEdges: [], ...(angle ? { angle } : {}) });
    const page: Page = {
      number: 1, width: 200, height: 300, source: 'text-layer', needsOcr: false,
      words: [word('Jan', 10, 14), word('Turned', 60, 10, 90), word('Piet', 120, 16), word('Kees', 185, 12)],
      ocrRegions: [{ x: 40, y: 95, width: 10, height: 20 }],
    };
    const r = (id: string, w: Word): Redaction => ({ id, page: 1, boxes: [w.box], text: w.text, category: 'name', ground: '5.1.2e', confidence: 1, detector: 't', explanation: '', status: 'accepted', needsReview: false });
    const [jan, turned, piet, kees] = equaliseBoxWidths([page], page.words.map((w, i) => r(`r${i}`, w))).map((x) => x.boxes[0]!);
    // Jan: 14 → step 30; 26 pt of room to the image at x=40 (minus clearance), none needed on the left beyond it
    expect(jan!.width).toBeCloseTo(30, 6);
    expect(jan!.x + jan!.width).toBeLessThanOrEqual(40 - 3 + 1e-9);
    expect(turned).toEqual(page.words[1]!.box);
    // Piet: 16 → 30, to the right there is room up to Kees (185 - 3)
    expect(piet).toEqual({ x: 120, y: 100, width: 30, height: 10 });
    // Kees at the page edge: 12 → 30, mostly to the left, never past the edge
    expect(kees!.width).toBeCloseTo(30, 6);
    expect(kees!.x + kees!.width).toBeLessThanOrEqual(200 - 3 + 1e-9);
    expect(kees!.x).toBeGreaterThanOrEqual(piet!.x + piet!.width + 3 - 1e-9);
  });

  it('makes two names of different length on one line equally wide, and takes no visible text', async () => {
    const bytes = await formPdf();
    const doc = await extractDocument(bytes);
    const redactions = [...redactAll(doc, 'Jan Jansen', 'a'), ...redactAll(doc, 'Pieter Verbeek', 'b'), ...redactAll(doc, 'pieter.verbeek', 'e')];
    const before = redactions.flatMap((r) => r.boxes);
    const after = equaliseBoxWidths(doc.pages, redactions).flatMap((r) => r.boxes);
    const words = doc.pages[0]!.words;
    const [first, second] = after.filter((b) => b.y < 842 - 750);
    const [firstBefore, secondBefore] = before.filter((b) => b.y < 842 - 750);
    expect(Math.abs(firstBefore!.width - secondBefore!.width)).toBeGreaterThan(5);
    // both names fall in the same step (at 10 pt a step is 3 box heights, ~35 pt)
    expect(steppedWidth(firstBefore!.width, firstBefore!.height)).toBe(steppedWidth(secondBefore!.width, secondBefore!.height));
    expect(first!.width).toBeCloseTo(second!.width, 6);
    expect(first!.width).toBeCloseTo(Math.ceil(firstBefore!.width / (WIDTH_STEP_EM * firstBefore!.height)) * WIDTH_STEP_EM * firstBefore!.height, 6);

    // no widened box reaches a word it does not hide
    const hidden = new Set(['Jan', 'Jansen', 'Pieter', 'Verbeek']);
    for (const box of after) {
      for (const w of words) {
        if (hidden.has(w.text) || w.text.startsWith('pieter.verbeek')) continue;
        const overlapX = Math.min(box.x + box.width, w.box.x + w.box.width) - Math.max(box.x, w.box.x);
        const overlapY = Math.min(box.y + box.height, w.box.y + w.box.height) - Math.max(box.y, w.box.y);
        expect(overlapX > 0 && overlapY > 0, `box over "${w.text}"`).toBe(false);
      }
    }
    // in running text there is no white space to take; the e-mail's domain stays in view
    const running = after.filter((b) => b.y > 842 - 740 && b.y < 842 - 720);
    const runningBefore = before.filter((b) => b.y > 842 - 740 && b.y < 842 - 720);
    expect(running).toEqual(runningBefore);
    const email = after.find((b) => b.y > 842 - 710)!;
    expect(email.x + email.width).toBeCloseTo(before.find((b) => b.y > 842 - 710)!.x + before.find((b) => b.y > 842 - 710)!.width, 6);
  });

  it.each(['raster', 'auto'] as const)('exports (%s) the stepped boxes through the verifier; the names are gone from the text layer', async (method) => {
    const bytes = await formPdf();
    const doc = await extractDocument(bytes);
    const redactions = [...redactAll(doc, 'Jan Jansen', 'a'), ...redactAll(doc, 'Pieter Verbeek', 'b')];
    const { pdf } = await exportStage(bytes, doc, redactions, { title: 'Document 1', method });
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    expect(text).not.toMatch(/Jansen|Verbeek/);
    expect(text).toContain('Aanvrager:');
    expect(text).toContain('Behandelaar:');
    expect(text).toContain('kwam de aanvraag');
  });
});
