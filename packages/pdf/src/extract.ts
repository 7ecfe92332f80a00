import type { ExtractedDocument, Page } from '@woo/core';
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { annotationWords } from './annotation-words.js';
import { accountDrawings, accountInk, type InkAccount } from './ink-accounting.js';
import { displayOperators, inkLayersOf, renderWithoutText } from './layers.js';
import { inkNeed, pageFonts } from './plain-text.js';
import { assertImageSizes } from './limits.js';
import { pageNumbers, withPdf, type PdfHandle } from './open.js';
import { readPagesOnAllCores, threadsFor } from './page-threads.js';
import type { FontWord } from './lines.js';
import { extractFontWords } from './words.js';

/** Resolution of the ink accounting: glyphs of 3.5 pt and up are seen (smaller print is not legible
 * in the exported page either); a page costs one or two renders. */
export const INK_DPI = 72;

/** A page's visible text-layer words and its annotations' text, its hidden text, and the areas
 * whose ink only OCR can read (the page then needs OCR before its personal data can be found). */
export async function extractPage(handle: PdfHandle, pageNumber: number): Promise<Page> {
  const page = await handle.doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const words = await extractFontWords(page);
    const ops = await displayOperators(page);
    const ink = await accountPage(page, ops, words, viewport);
    const annotations = await annotationWords(page, viewport, Math.max(-1, ...ink.visible.map((w) => w.line ?? -1)) + 1);
    return {
      number: pageNumber,
      width: viewport.width,
      height: viewport.height,
      words: [...ink.visible, ...annotations],
      source: ink.visible.length ? 'text-layer' : 'none',
      needsOcr: ink.regions.length > 0,
      ...(ink.regions.length ? { ocrRegions: ink.regions } : {}),
      ...(ink.hidden.length ? { hiddenWords: ink.hidden } : {}),
    };
  } finally {
    page.cleanup();
  }
}

/** The ink accounting of one page, rendering only what the operators leave in doubt (`inkNeed`). */
async function accountPage(page: PDFPageProxy, ops: Awaited<ReturnType<typeof displayOperators>>, words: FontWord[], viewport: PageViewport): Promise<InkAccount> {
  switch (inkNeed(ops, words, viewport, pageFonts(page))) {
    case 'nothing':
      return { visible: words.map((w) => w.word), hidden: [], regions: [] };
    case 'drawings':
      return accountDrawings(await renderWithoutText(page, ops, INK_DPI), words);
    case 'everything':
      return accountInk(await inkLayersOf(page, ops, INK_DPI), words);
  }
}

/** Text and word boxes of the given pages of an open PDF, in the order given. */
export async function extractPages(handle: PdfHandle, numbers: readonly number[]): Promise<Page[]> {
  const pages: Page[] = [];
  for (const n of numbers) pages.push(await extractPage(handle, n));
  return pages;
}

/** Text and word boxes of every page of an open PDF. */
export async function extractFromHandle(handle: PdfHandle): Promise<ExtractedDocument> {
  return { pages: await extractPages(handle, pageNumbers(handle)) };
}

/** Opens, extracts and closes. Throws a DocumentError (Dutch message) when the file is empty,
 * not a PDF, encrypted or corrupt, or over a limit (pages, pixels of an image). */
export function extractDocument(bytes: Uint8Array): Promise<ExtractedDocument> {
  return withPdf(bytes, async (handle) => {
    await assertImageSizes(bytes);
    // a long document is read on all cores (page-threads.ts)
    if (threadsFor(handle.numPages) < 2) return extractFromHandle(handle);
    return { pages: await readPagesOnAllCores(bytes, handle.numPages, (n) => extractPage(handle, n)) };
  });
}
