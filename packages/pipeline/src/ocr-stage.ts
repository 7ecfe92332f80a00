import { isPlaced, overlapShare, type Box, type ExtractedDocument, type Page, type Word } from '@woo/core';
import type { OcrReader, PageImage } from '@woo/ocr';
import { renderPage, withPdf } from '@woo/pdf';
import { LOW_PAGE_CONFIDENCE } from './ocr-review.js';

/** Scans are read at 300 dpi: tesseract's models are trained on print at about that size,
 * and below it small print (footers, e-mail addresses) loses characters. */
export const OCR_DPI = 300;
/** When the areas to read cover this much of the page, the page is read whole (one pass, and
 * tesseract's own layout analysis and orientation work best on whole pages). */
const WHOLE_PAGE_SHARE = 0.4;
/** An OCR word that lies this much (of its own area) on visible text-layer words is a reading of
 * that text, which the text layer already gives exactly. */
const SAME_TEXT_OVERLAP = 0.5;

/** Stage 2 (per page that needs it): OCR of the areas whose ink the text layer does not explain
 * (ocrRegions; the whole page for a scan). The words read join the page's visible text-layer
 * words; what OCR read without confidence is listed in unreadRegions for the reviewer. */
export async function ocrPageStage(bytes: Uint8Array, doc: ExtractedDocument, pageNumber: number, engine: OcrReader): Promise<Page> {
  const page = doc.pages[pageNumber - 1];
  if (!page) throw new Error(`page ${pageNumber} does not exist`);
  const whole: Box = { x: 0, y: 0, width: page.width, height: page.height };
  const asked = page.ocrRegions ?? [whole];
  const regions = asked.reduce((s, r) => s + r.width * r.height, 0) >= WHOLE_PAGE_SHARE * page.width * page.height ? [whole] : asked;

  const image = await withPdf(bytes, async (handle) => {
    const { canvas, scale } = await renderPage(handle, pageNumber, OCR_DPI);
    const rgba = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const gray = Buffer.alloc(canvas.width * canvas.height);
    for (let i = 0, j = 0; j < gray.length; i += 4, j++) gray[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    return { gray, width: canvas.width, height: canvas.height, scale };
  });

  const read: Word[] = [];
  const unread: Box[] = [];
  let lineBase = Math.max(-1, ...page.words.map((w) => w.line ?? -1)) + 1;
  for (const region of regions) {
    const result = await engine.recognizePage(crop(image, region), { width: region.width, height: region.height });
    const words = result.words.map((w) => shift(w, region, lineBase));
    lineBase = Math.max(lineBase, ...words.map((w) => (w.line ?? 0) + 1));
    // annotation text is not a reading of the ink: the OCR of an appearance is what is published
    const fresh = words.filter((w) => !page.words.some((t) => isPlaced(t) && overlapShare(w.box, t.box) >= SAME_TEXT_OVERLAP));
    read.push(...fresh);
    if (!words.length || result.confidence < LOW_PAGE_CONFIDENCE) unread.push(region);
  }
  const confidence = read.length ? read.reduce((s, w) => s + (w.confidence ?? 0), 0) / read.length : 0;
  return {
    number: page.number,
    width: page.width,
    height: page.height,
    words: [...page.words, ...read],
    source: page.words.length ? (read.length ? 'mixed' : page.source) : 'ocr',
    needsOcr: false,
    ocrConfidence: confidence,
    ocrRegions: regions,
    ...(page.hiddenWords ? { hiddenWords: page.hiddenWords } : {}),
    ...(unread.length ? { unreadRegions: unread } : {}),
  };
}

/** The pixels of `region` (points) of a page rendered at `scale` px/pt. */
function crop(image: { gray: Buffer; width: number; height: number; scale: number }, region: Box): PageImage {
  const x0 = Math.max(0, Math.floor(region.x * image.scale));
  const y0 = Math.max(0, Math.floor(region.y * image.scale));
  const x1 = Math.min(image.width, Math.ceil((region.x + region.width) * image.scale));
  const y1 = Math.min(image.height, Math.ceil((region.y + region.height) * image.scale));
  const width = Math.max(1, x1 - x0);
  const height = Math.max(1, y1 - y0);
  const data = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height && y0 + y < image.height; y++) image.gray.copy(data, y * width, (y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width);
  // a very large page comes back at a lower resolution than asked (MAX_RENDER_PIXELS)
  return { data, width, height, dpi: Math.round(image.scale * 72) };
}

/** A word read in `region` placed on the page, its line numbered after the page's own. */
function shift(w: Word, region: Box, lineBase: number): Word {
  return {
    ...w,
    box: { ...w.box, x: w.box.x + region.x, y: w.box.y + region.y },
    charEdges: w.charEdges.map((x) => x + region.x),
    ...(w.line === undefined ? {} : { line: w.line + lineBase }),
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
