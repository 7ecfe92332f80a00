import { type ExtractedDocument, type Redaction } from '@woo/core';
import { extractDocument } from '@woo/pdf';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { exportRedacted, type ExportMethod } from '../src/index.js';
import { publishedTitle } from '../src/title.js';
import { redact } from './fixtures.js';
import { everything, pdfinfo } from './tools.js';

const NAME = 'Karin Smit';
const NEUTRAL = 'Document 3';

/** A one-page letter whose heading is "Besluit subsidie" and which names NAME; the title in the
 * Info dictionary and/or in XMP as given. */
async function letter(titles: { info?: string; xmp?: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const lines = ['Besluit subsidie', `Geachte mevrouw ${NAME},`, 'Uw aanvraag voor een subsidie is toegekend.', 'Met vriendelijke groet, de gemeente'];
  lines.forEach((text, i) => page.drawText(text, { x: 60, y: 760 - i * 20, size: 12, font }));
  if (titles.info !== undefined) pdf.setTitle(titles.info);
  if (titles.xmp !== undefined) {
    const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">${titles.xmp}</rdf:li></rdf:Alt></dc:title></rdf:Description>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const stream = pdf.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
    pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));
  }
  return pdf.save();
}


async function exportedTitle(titles: { info?: string; xmp?: string }, method: ExportMethod): Promise<{ title: string; output: Uint8Array }> {
  const input = await letter(titles);
  const doc = await extractDocument(input);
  const { pdf } = await exportRedacted(input, doc, redact(doc, NAME, 'r'), { method, title: NEUTRAL });
  const title = /^Title:\s+(.*)$/m.exec(pdfinfo(pdf, '-enc', 'UTF-8'))?.[1] ?? '';
  return { title, output: pdf };
}

describe('the title of the published PDF', () => {
  for (const method of ['raster', 'vector'] as const) {
    it(`keeps the document's own title when it names nothing removed (${method})`, async () => {
      expect((await exportedTitle({ info: 'Besluit subsidie' }, method)).title).toBe('Besluit subsidie');
      expect((await exportedTitle({ xmp: 'Besluit subsidie' }, method)).title).toBe('Besluit subsidie');
    });

    it(`falls back to the neutral title when the own title holds a redacted name (${method})`, async () => {
      for (const titles of [{ info: `Besluit subsidie ${NAME}` }, { info: 'besluit subsidie SMIT' }, { xmp: `Subsidie mevrouw ${NAME}` }]) {
        const { title, output } = await exportedTitle(titles, method);
        expect(title, JSON.stringify(titles)).toBe(NEUTRAL);
        const { objects, streams } = everything(output);
        expect(`${objects}\n${streams}`.toLowerCase()).not.toContain('smit');
      }
    });
  }

  it('falls back on a title with words that stand on no page, no title at all, or unreadable XMP', async () => {
    expect((await exportedTitle({ info: 'Microsoft Word - aanvraag.docx' }, 'raster')).title).toBe(NEUTRAL);
    expect((await exportedTitle({}, 'raster')).title).toBe(NEUTRAL);
    // XMP that is not XML: the export goes on with the neutral title
    expect((await exportedTitle({ xmp: '<rdf:li>< kapot' }, 'raster')).title).toBe(NEUTRAL);
  });
});

describe('publishedTitle', () => {
  const page = (words: Array<[string, number]>): ExtractedDocument => ({
    pages: [{ number: 1, width: 595, height: 842, source: 'text-layer', needsOcr: false, words: words.map(([text, x]) => ({ text, box: { x, y: 100, width: 40, height: 12 }, charEdges: [] })) }],
  });
  const doc = page([['Besluit', 10], ['subsidie', 60], ['Karin', 110], ['Smit', 160], ['k.smit@example.nl', 210]]);
  const box = (x: number, width: number, text: string, status: Redaction['status'] = 'accepted'): Redaction => ({
    id: text, page: 1, boxes: [{ x, y: 100, width, height: 12 }], text, category: 'name', ground: '5.1.2e', confidence: 0.9, detector: 't', explanation: 't', status, needsReview: false,
  });
  const name = box(110, 90, 'Karin Smit');

  it('keeps a title of visible words, cleaned of control characters and runs of space', () => {
    expect(publishedTitle('Besluit\u0000  subsidie\n', doc, [name], NEUTRAL)).toBe('Besluit subsidie');
  });

  it('refuses a title holding removed text as a whole word, any case, or the local part of a removed e-mail address', () => {
    expect(publishedTitle('Besluit KARIN SMIT', doc, [name], NEUTRAL)).toBe(NEUTRAL);
    expect(publishedTitle('Besluit k.smit', doc, [box(210, 40, 'k.smit@example.nl')], NEUTRAL)).toBe(NEUTRAL);
  });

  it('refuses a title whose word is only readable under a box (part of a removed name)', () => {
    const mail = box(210, 40, 'k.smit@example.nl');
    // "smit" is readable in the e-mail address until that is removed too
    expect(publishedTitle('Besluit Smit', doc, [name], NEUTRAL)).toBe('Besluit Smit');
    expect(publishedTitle('Besluit Smit', doc, [name, mail], NEUTRAL)).toBe(NEUTRAL);
    // an open suggestion counts as removed; a rejected one is visible and may stand in the title
    expect(publishedTitle('Besluit Smit', doc, [{ ...name, status: 'suggested' }, mail], NEUTRAL)).toBe(NEUTRAL);
    expect(publishedTitle('Besluit Smit', doc, [{ ...name, status: 'rejected' }, mail], NEUTRAL)).toBe('Besluit Smit');
  });

  it('refuses an empty title, an overlong one, and words on no page', () => {
    expect(publishedTitle('  ', doc, [], NEUTRAL)).toBe(NEUTRAL);
    expect(publishedTitle(undefined, doc, [], NEUTRAL)).toBe(NEUTRAL);
    expect(publishedTitle(Array(60).fill('Besluit').join(' '), doc, [], NEUTRAL)).toBe(NEUTRAL);
    expect(publishedTitle('Besluit Jansen', doc, [], NEUTRAL)).toBe(NEUTRAL);
  });
});
