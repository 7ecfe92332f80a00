import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentError } from '@woo/core';
import { extractDocument } from '../src/index.js';
import { readPagesOnAllCores } from '../src/page-threads.js';

/* A long document's pages are read on several threads (page-threads.ts): the result must be the
 * one a single thread reads, and a failure in a page thread must reach the caller as the document's
 * own error. */

async function letters(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Pagina ${n}: de aanvraag van Jansen nummer ${1000 + n * 37}`, { x: 56, y: 760 - (n % 7) * 40, size: 11, font });
    page.drawLine({ start: { x: 56, y: 700 }, end: { x: 540, y: 700 }, thickness: 1 });
  }
  return pdf.save();
}

describe('reading a long document on several threads', () => {
  const saved = process.env.PAGE_THREADS;
  afterEach(() => {
    if (saved === undefined) delete process.env.PAGE_THREADS;
    else process.env.PAGE_THREADS = saved;
  });

  it('gives the same pages, in order, as one thread', async () => {
    const bytes = await letters(13);
    process.env.PAGE_THREADS = '1';
    const alone = await extractDocument(bytes);
    process.env.PAGE_THREADS = '3';
    const shared = await extractDocument(bytes);
    expect(shared.pages.map((p) => p.number)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(shared).toEqual(alone);
    expect(shared.pages[8]!.words.map((w) => w.text).join(' ')).toBe('Pagina 9: de aanvraag van Jansen nummer 1333');
  });

  it('hands a failure in a page thread to the caller as the same DocumentError, in Dutch', async () => {
    const notPdf = new TextEncoder().encode('Dit is geen PDF maar een tekstbestand met de naam Jansen.');
    const failure = readPagesOnAllCores(notPdf, 8, 2, async () => []);
    await expect(failure).rejects.toBeInstanceOf(DocumentError);
    await expect(failure).rejects.toMatchObject({ code: 'not-pdf', message: expect.stringMatching(/PDF/) });
  });
});
