import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is part of the app's own bundle: nothing is loaded from elsewhere (CSP 'self').
GlobalWorkerOptions.workerSrc = workerUrl;

/** Opens a PDF's bytes with pdf.js, without eval (the CSP forbids it) and with the standard fonts
 * served next to the app. */
export function openPdf(bytes: ArrayBuffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl: '/pdfjs/standard_fonts/' }).promise;
}

export type { PDFDocumentProxy };
