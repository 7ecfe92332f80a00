import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { buildTextIndex, overlapShare, spanBoxes, unionBox, type ExtractedDocument, type Redaction } from '@woo/core';
import { extractDocument } from '@woo/pdf';
import { exportRedacted, verifyExport } from '../src/index.js';
import { pdftotext } from './tools.js';

/* A name in a note written at 30 degrees, with short notes in the corners of its bounding box
 * (issue 8): its boxes must cover it and leave those notes readable. One axis-aligned box over the
 * name would cover both. */

const NAME = 'Jeroen van der Meulen';

async function slantedNote(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const helv = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText(`Terugbellen: ${NAME}`, { x: 120, y: 500, size: 11, font: helv, rotate: degrees(30) });
  page.drawText('Zie bijlage twee', { x: 110, y: 585, size: 11, font: helv });
  page.drawText('akkoord, verzonden', { x: 250, y: 522, size: 11, font: helv });
  return doc.save();
}

describe('a name written at an angle', () => {
  let doc: ExtractedDocument;
  let redaction: Redaction;
  let input: Uint8Array;
  beforeAll(async () => {
    input = await slantedNote();
    doc = await extractDocument(input);
    const index = buildTextIndex(doc.pages);
    const start = index.text.indexOf(NAME);
    const [span] = spanBoxes(index, doc.pages, start, start + NAME.length);
    redaction = {
      id: 'r1', page: 1, boxes: span!.boxes, text: NAME, category: 'name', ground: '5.1.2e',
      confidence: 0.9, detector: 'test', explanation: 'test', status: 'accepted', needsReview: false,
    };
  });

  it('is boxed by pieces that stay off the lines above and below', () => {
    const upright = doc.pages[0]!.words.filter((w) => !w.angle);
    const name = doc.pages[0]!.words.filter((w) => w.angle === 30 && NAME.includes(w.text));
    expect(name.map((w) => w.text)).toEqual(NAME.split(' '));
    // the one axis-aligned box of the name does reach the neighbouring lines ...
    expect(upright.some((w) => overlapShare(w.box, unionBox(name.map((n) => n.box))) > 0.3)).toBe(true);
    // ... its pieces barely touch them
    for (const w of upright) for (const b of redaction.boxes) expect(overlapShare(w.box, b), w.text).toBeLessThan(0.3);
  });

  it.each(['raster', 'vector'] as const)('exports (%s) with the name gone, the neighbouring notes searchable, and passes the verifier', async (method) => {
    const { pdf } = await exportRedacted(input, doc, [redaction], { method });
    const verification = await verifyExport(pdf, { doc, redactions: [redaction] });
    expect(verification.problems).toEqual([]);
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    expect(text).not.toMatch(/Jeroen|Meulen/);
    expect(text).toContain('Zie bijlage twee');
    expect(text).toContain('akkoord, verzonden');
  });
});
