import type { ExtractedDocument, Page, Word } from '@woo/core';
import { imageCoverage } from './coverage.js';
import { withPdf, type PdfHandle } from './open.js';
import { extractWords } from './words.js';

// A page is treated as a scan when images cover at least this much of it while the text layer
// covers almost nothing (a stamped header, a page number): its real content is in the pixels.
const SCAN_IMAGE_COVERAGE = 0.5;
const SPARSE_TEXT_COVERAGE = 0.03;

function textCoverage(words: readonly Word[], width: number, height: number): number {
  const area = words.reduce((s, w) => s + w.box.width * w.box.height, 0);
  return area / (width * height);
}

export async function extractPage(handle: PdfHandle, pageNumber: number): Promise<Page> {
  const page = await handle.doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const words = await extractWords(page);
    const width = viewport.width;
    const height = viewport.height;
    const needsOcr =
      words.length === 0 ||
      (textCoverage(words, width, height) < SPARSE_TEXT_COVERAGE && (await imageCoverage(page)) >= SCAN_IMAGE_COVERAGE);
    return { number: pageNumber, width, height, words, source: words.length ? 'text-layer' : 'none', needsOcr };
  } finally {
    // drop the page's parsed resources; the page is not rendered from this handle in between
    page.cleanup();
  }
}

/** Text and word boxes of every page of an open PDF. */
export async function extractFromHandle(handle: PdfHandle): Promise<ExtractedDocument> {
  const pages: Page[] = [];
  for (let n = 1; n <= handle.numPages; n++) pages.push(await extractPage(handle, n));
  return { pages };
}

/** Opens, extracts and closes. Throws a DocumentError (Dutch message) when the file is empty,
 * not a PDF, encrypted or corrupt. */
export function extractDocument(bytes: Uint8Array): Promise<ExtractedDocument> {
  return withPdf(bytes, extractFromHandle);
}
