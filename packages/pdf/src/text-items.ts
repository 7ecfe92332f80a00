import { pageNumbers, withPdf, type PdfHandle } from './open.js';

/** One run of text of a page's text layer as a viewer extracts it (pdfjs `getTextContent`). */
export interface TextItem {
  str: string;
  /** PDF user-space transform of the run [a, b, c, d, e, f]. */
  transform: number[];
  width: number;
  height: number;
}

export interface TextPage {
  number: number;
  /** Page height (points): the text runs' y grows upward from the bottom. */
  height: number;
  items: TextItem[];
}

/** The text layer of the given pages of an open PDF, as a viewer extracts it. */
export async function textPages(handle: PdfHandle, numbers: readonly number[]): Promise<TextPage[]> {
  const out: TextPage[] = [];
  for (const n of numbers) {
    const page = await handle.doc.getPage(n);
    try {
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) => ('str' in item ? [{ str: item.str, transform: item.transform as number[], width: item.width, height: item.height }] : []));
      out.push({ number: n, height: page.getViewport({ scale: 1 }).height, items });
    } finally {
      page.cleanup();
    }
  }
  return out;
}

/** Every page's text layer; `numPages` as the document reports it. */
export function readTextLayer(bytes: Uint8Array): Promise<{ numPages: number; pages: TextPage[] }> {
  return withPdf(bytes, async (handle) => ({ numPages: handle.numPages, pages: await textPages(handle, pageNumbers(handle)) }));
}
