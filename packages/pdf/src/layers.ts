import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { drawPage } from './render.js';

/** 8-bit gray pixels of a rendering. */
export interface GrayPixels {
  data: Uint8Array;
  width: number;
  height: number;
  /** Pixels per point. */
  scale: number;
}

/** The page as published, and the same page without the text of its content stream. Where the
 * two differ, the text layer painted something; whatever ink the second one still has (images,
 * vector drawings, annotation and form appearances) was painted by something that is not text. */
export interface InkLayers {
  full: GrayPixels;
  /** Absent when the page paints nothing but text: the text-free rendering is then blank paper. */
  withoutText?: GrayPixels;
}

const TEXT_OPS = new Set<number>([pdfjs.OPS.showText, pdfjs.OPS.showSpacedText, pdfjs.OPS.nextLineShowText, pdfjs.OPS.nextLineSetSpacingShowText]);
/** Operators that put ink on the page other than text. */
const PAINT_OPS = new Set<number>([
  pdfjs.OPS.stroke, pdfjs.OPS.closeStroke, pdfjs.OPS.fill, pdfjs.OPS.eoFill, pdfjs.OPS.fillStroke, pdfjs.OPS.eoFillStroke,
  pdfjs.OPS.closeFillStroke, pdfjs.OPS.closeEOFillStroke, pdfjs.OPS.constructPath, pdfjs.OPS.shadingFill,
  pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject,
  pdfjs.OPS.paintImageXObjectRepeat, pdfjs.OPS.paintInlineImageXObjectGroup, pdfjs.OPS.paintImageMaskXObjectGroup,
  pdfjs.OPS.paintSolidColorImageMask, pdfjs.OPS.beginAnnotation,
]);

/** Renders the page as the export will (annotation appearances included) and, when the page
 * paints anything besides text, once more with the page's own text operators skipped. Text inside
 * annotation appearances stays in both: no text layer explains it. */
export async function renderInkLayers(page: PDFPageProxy, dpi: number): Promise<InkLayers> {
  return inkLayersOf(page, await displayOperators(page), dpi);
}

/** The operators of the page as displayed, annotation appearances included. */
export function displayOperators(page: PDFPageProxy): ReturnType<PDFPageProxy['getOperatorList']> {
  return page.getOperatorList({ intent: 'display', annotationMode: pdfjs.AnnotationMode.ENABLE });
}

export async function inkLayersOf(page: PDFPageProxy, ops: Awaited<ReturnType<typeof displayOperators>>, dpi: number): Promise<InkLayers> {
  const full = await renderGray(page, dpi);
  if (!ops.fnArray.some((fn) => PAINT_OPS.has(fn))) return { full };
  return { full, withoutText: await renderWithoutText(page, ops, dpi) };
}

/** The page with its own text operators skipped (text inside annotation appearances stays). */
export function renderWithoutText(page: PDFPageProxy, ops: Awaited<ReturnType<typeof displayOperators>>, dpi: number): Promise<GrayPixels> {
  const isText = new Uint8Array(ops.fnArray.length);
  let annotationDepth = 0;
  ops.fnArray.forEach((fn, i) => {
    if (fn === pdfjs.OPS.beginAnnotation) annotationDepth++;
    else if (fn === pdfjs.OPS.endAnnotation) annotationDepth--;
    if (annotationDepth === 0 && TEXT_OPS.has(fn)) isText[i] = 1;
  });
  return renderGray(page, dpi, (i) => isText[i] !== 1);
}

async function renderGray(page: PDFPageProxy, dpi: number, operationsFilter?: (i: number) => boolean): Promise<GrayPixels> {
  const { canvas, scale } = await drawPage(page, dpi, operationsFilter);
  const rgba = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const data = new Uint8Array(canvas.width * canvas.height);
  // one 32-bit read per pixel (little-endian RGBA): several times faster than four byte reads
  const px = new Uint32Array(rgba.buffer, rgba.byteOffset, data.length);
  for (let j = 0; j < data.length; j++) {
    const v = px[j]!;
    data[j] = ((v & 0xff) * 77 + ((v >>> 8) & 0xff) * 150 + ((v >>> 16) & 0xff) * 29) >> 8;
  }
  return { data, width: canvas.width, height: canvas.height, scale };
}
