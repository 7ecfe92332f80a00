import { AnnotationMode, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { documentLimits } from '@woo/core';
import type { PdfHandle } from './open.js';
import { boundPatterns } from './patterns.js';
import { canvasModule, type Canvas } from './pdfjs.js';

export interface RenderedPage {
  canvas: Canvas;
  /** Pixels per point: multiply a Box (points) by this to get canvas pixels. */
  scale: number;
  /** Displayed page size in points (rotation applied). */
  width: number;
  height: number;
}

/** Largest rendering, in pixels (MAX_RENDER_PIXELS, default 40 M; A3 at 300 dpi is 17.4 M). Bigger
 * pages (drawings, posters) are rendered at a lower resolution rather than exhausting memory or
 * Skia's size limit. */
export const MAX_RENDER_PIXELS = documentLimits().maxRenderPixels;
const MAX_RENDER_SIDE = 16_384;

/** Pixels per point for rendering a page of `size` points at `dpi`, within the pixel budget. */
export function renderScale(size: { width: number; height: number }, dpi: number): number {
  return Math.min(dpi / 72, Math.sqrt(MAX_RENDER_PIXELS / (size.width * size.height)), MAX_RENDER_SIDE / Math.max(size.width, size.height));
}

/** Renders a page (1-based) onto a white canvas at `dpi`, or lower for a page so large that it
 * would exceed MAX_RENDER_PIXELS; `scale` says what was used. The canvas belongs to the caller;
 * let it go out of scope (or reuse nothing from it) once encoded, so memory stays per page. */
export async function renderPage(handle: PdfHandle, pageNumber: number, dpi: number): Promise<RenderedPage> {
  const page = await handle.doc.getPage(pageNumber);
  try {
    const base = page.getViewport({ scale: 1 });
    const { canvas, scale } = await drawPage(page, dpi);
    return { canvas, scale, width: base.width, height: base.height };
  } finally {
    page.cleanup();
  }
}

/** Draws an open page onto a new white canvas at `dpi` (within the pixel budget), as displayed:
 * annotation and form appearances included, operators skipped where `operationsFilter` says so. */
export async function drawPage(page: PDFPageProxy, dpi: number, operationsFilter?: (i: number) => boolean): Promise<{ canvas: Canvas; scale: number }> {
  const scale = renderScale(page.getViewport({ scale: 1 }), dpi);
  const viewport = page.getViewport({ scale });
  const canvas = canvasModule.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = boundPatterns(canvas.getContext('2d'));
  // PDF pages are transparent; redaction and OCR both expect paper-white
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // @napi-rs/canvas implements the subset of the DOM canvas API that pdfjs draws with
  type RenderParams = Parameters<typeof page.render>[0];
  await page.render({
    canvasContext: ctx as unknown as RenderParams['canvasContext'],
    canvas: canvas as unknown as RenderParams['canvas'],
    viewport,
    annotationMode: AnnotationMode.ENABLE,
    ...(operationsFilter ? { operationsFilter } : {}),
  }).promise;
  return { canvas, scale };
}
