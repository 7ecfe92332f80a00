import type { ExtractedDocument, Page } from '@woo/core';
import type { OcrReader } from '@woo/ocr';
import { renderPage, withPdf } from '@woo/pdf';

/** Scans are read at 300 dpi: tesseract's models are trained on print at about that size,
 * and below it small print (footers, e-mail addresses) loses characters. */
export const OCR_DPI = 300;

/** Stage 2 (per page that needs it): the page's words from OCR of its rendering. The result
 * replaces the page's text-layer words: on a scan with a partial text layer (a stamped header,
 * an OCR layer of unknown quality) only a reading of the pixels covers everything printed. */
export async function ocrPageStage(bytes: Uint8Array, doc: ExtractedDocument, pageNumber: number, engine: OcrReader): Promise<Page> {
  const page = doc.pages[pageNumber - 1];
  if (!page) throw new Error(`page ${pageNumber} does not exist`);
  const image = await withPdf(bytes, async (handle) => {
    const { canvas, scale } = await renderPage(handle, pageNumber, OCR_DPI);
    const rgba = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const gray = Buffer.alloc(canvas.width * canvas.height);
    for (let i = 0, j = 0; j < gray.length; i += 4, j++) gray[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    // a very large page comes back at a lower resolution than asked (MAX_RENDER_PIXELS)
    return { data: gray, width: canvas.width, height: canvas.height, dpi: Math.round(scale * 72) };
  });
  const result = await engine.recognizePage(image, { width: page.width, height: page.height });
  return {
    ...page,
    words: result.words,
    source: 'ocr',
    needsOcr: false,
    ocrConfidence: result.confidence,
  };
}

/** Stage 2 for a whole document in one process: OCR every page that needs it (pages in
 * parallel up to the engine's worker count). */
export async function ocrDocument(bytes: Uint8Array, doc: ExtractedDocument, engine: OcrReader): Promise<ExtractedDocument> {
  const pages = [...doc.pages];
  const todo = pages.filter((p) => p.needsOcr).map((p) => p.number);
  let next = 0;
  const lane = async () => {
    while (next < todo.length) {
      const n = todo[next++]!;
      pages[n - 1] = await ocrPageStage(bytes, doc, n, engine);
    }
  };
  await Promise.all(Array.from({ length: Math.min(engine.workers, todo.length) }, lane));
  return { pages };
}
