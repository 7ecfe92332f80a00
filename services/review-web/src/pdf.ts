import { getDocument, GlobalWorkerOptions, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is part of the app's own bundle: nothing is loaded from elsewhere (CSP 'self').
GlobalWorkerOptions.workerSrc = workerUrl;

let worker: PDFWorker | undefined;

/** Starts pdf.js's worker ahead of the first document (loading it takes a good part of a
 * second), and keeps it for every document after. */
export function warmUpPdf(): PDFWorker {
  worker ??= new PDFWorker();
  return worker;
}

/** Opens a PDF's bytes with pdf.js, without eval (the CSP forbids it) and with the standard fonts
 * served next to the app. */
export function openPdf(bytes: ArrayBuffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), worker: warmUpPdf(), isEvalSupported: false, standardFontDataUrl: '/pdfjs/standard_fonts/' }).promise;
}

export type { PDFDocumentProxy };
