import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DocumentError } from '@woo/core';
import { assertLooksLikePdf, classifyPdfjsError, isPdfjsError } from './errors.js';
import { assertPageCount, pdfjsLimitOptions } from './limits.js';
import { BoundedCanvasFactory } from './patterns.js';
import { PDFJS_RESOURCES } from './pdfjs.js';

/** An open PDF. Always `close()` it (in a finally): pdfjs keeps the parsed document, fonts and
 * its in-process worker alive until the loading task is destroyed. */
export interface PdfHandle {
  readonly doc: PDFDocumentProxy;
  readonly numPages: number;
  close(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfHandle> {
  assertLooksLikePdf(bytes);
  let task: PDFDocumentLoadingTask | undefined;
  try {
    task = pdfjs.getDocument({
      // pdfjs transfers (detaches) the buffer it is given; the caller keeps its own bytes.
      data: bytes.slice(),
      ...PDFJS_RESOURCES,
      // exposes the font /Widths and ToUnicode map that exact word boxes need
      fontExtraProperties: true,
      isEvalSupported: false,
      verbosity: 0,
      ...pdfjsLimitOptions(),
      // scratch canvases with bounded patterns, as drawPage's own (patterns.ts)
      CanvasFactory: BoundedCanvasFactory,
    });
    const doc = await task.promise;
    if (doc.numPages < 1) throw new DocumentError('corrupt', 'Dit PDF-bestand bevat geen pagina’s.');
    assertPageCount(doc.numPages);
    const loaded = task;
    return { doc, numPages: doc.numPages, close: () => loaded.destroy() };
  } catch (err) {
    await task?.destroy();
    throw classifyPdfjsError(err);
  }
}

/** 1 … numPages: every page of an open PDF. */
export function pageNumbers(handle: PdfHandle): number[] {
  return Array.from({ length: handle.numPages }, (_, i) => i + 1);
}

/** Opens, runs `fn`, and always closes: nothing of one document outlives the call. A broken
 * page that pdfjs only trips over while reading it still becomes a 'corrupt' DocumentError. */
export async function withPdf<T>(bytes: Uint8Array, fn: (handle: PdfHandle) => Promise<T>): Promise<T> {
  const handle = await openPdf(bytes);
  try {
    return await fn(handle);
  } catch (err) {
    throw isPdfjsError(err) ? classifyPdfjsError(err) : err;
  } finally {
    await handle.close();
  }
}
