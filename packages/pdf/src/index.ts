export { openPdf, withPdf, type PdfHandle } from './open.js';
export { extractDocument, extractFromHandle, extractPage } from './extract.js';
export { renderPage, MAX_RENDER_PIXELS, type RenderedPage } from './render.js';
export { registerCanvasFont, type Canvas, type CanvasContext } from './pdfjs.js';
export { drainQueue, PageQueue, type SharedPageQueue } from './page-queue.js';
export { pageThreadCount, readTextLayerAside, runAside, shareOut } from './page-threads.js';
export type { TextItem, TextPage } from './text-items.js';
