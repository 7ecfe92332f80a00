import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentError } from '@woo/core';
import { extractDocument } from '../src/index.js';
import { PageQueue } from '../src/page-queue.js';
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
    process.env.PAGE_THREADS = '2';
    const failure = readPagesOnAllCores(notPdf, 8, async (n) => ({ number: n, width: 0, height: 0, words: [], source: 'none', needsOcr: false }));
    await expect(failure).rejects.toBeInstanceOf(DocumentError);
    await expect(failure).rejects.toMatchObject({ code: 'not-pdf', message: expect.stringMatching(/PDF/) });
  });
});

describe('the page queue', () => {
  it('hands out every page once: each thread its own neighbouring pages first, then the rest of the fullest share from its back', () => {
    const queue = PageQueue.create(10, 3);
    const others = [1, 2].map((k) => new PageQueue(queue.forThread(k)));
    // thread 0 is slow: the others read their shares (4-6 and 7-10) and then take from the back of 1-3
    const taken: number[][] = [[], [], []];
    for (let step = 0; step < 12; step++) {
      for (const [k, q] of others.entries()) {
        const n = q.take();
        if (n !== undefined) taken[k + 1]!.push(n);
      }
      if (step % 4 === 0) {
        const n = queue.take();
        if (n !== undefined) taken[0]!.push(n);
      }
    }
    expect(taken.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(taken[0]![0]).toBe(1);
    expect(taken[1]!.slice(0, 3)).toEqual([4, 5, 6]);
    expect(taken[2]!.slice(0, 4)).toEqual([7, 8, 9, 10]);
    // what thread 0 did not get to was taken from the back of its share
    expect(taken[0]!.length).toBeLessThan(3);
    expect(queue.take()).toBeUndefined();
  });

  it('hands out nothing more once closed', () => {
    const queue = PageQueue.create(8, 2);
    expect(queue.take()).toBe(1);
    queue.close();
    expect(queue.take()).toBeUndefined();
    expect(new PageQueue(queue.forThread(1)).take()).toBeUndefined();
  });
});
