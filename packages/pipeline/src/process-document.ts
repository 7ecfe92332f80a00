import type { ExportMethod, PageMethod } from '@woo/export';
import { applyExportPolicy, isApplied, toDocumentError, type DocumentError, type ExportPolicy, type ExtractedDocument, type Redaction } from '@woo/core';
import type { OcrReader } from '@woo/ocr';
import { toPdfInput } from './input.js';
import { ocrPageSummaries, type OcrPageSummary } from './ocr-review.js';
import { ocrDocument } from './ocr-stage.js';
import { readingFindings, type ReadingFinding } from '@woo/publication';
import type { TextDetector } from './redactions.js';
import { detectStage, exportStage, extractStage } from './stages.js';

export interface ProcessOptions {
  detector: TextDetector;
  policy: ExportPolicy;
  /** Reads pages without a usable text layer. Without it such documents fail (never pass unread). */
  ocr?: OcrReader;
  /** Resolution of the exported page images. */
  dpi?: number;
  /** raster | vector | auto (default): see @woo/export. */
  exportMethod?: ExportMethod;
  /** Title of the published PDF (a neutral title: never the original file name). */
  title?: string;
}

export interface ProcessedDocument {
  ok: true;
  pages: number;
  /** Pages read by OCR, with their mean word confidence (0..100) and whether that is too low
   * to trust (the report tells the reviewer to read such a page). */
  ocrPages: OcrPageSummary[];
  /** Hidden text left out, and ink that could not be read with confidence (reading-findings.ts). */
  findings: ReadingFinding[];
  redactions: Redaction[];
  pdf: Uint8Array;
  /** How each page was exported (index = page number - 1). */
  pageMethods: PageMethod[];
}

export type DocumentOutcome = ProcessedDocument | { ok: false; pages: number; error: DocumentError };

/** A document read into words: the PDF the later stages work on (an image input becomes one),
 * and its pages with words from the text layer or OCR. */
export interface ReadDocument {
  bytes: Uint8Array;
  doc: ExtractedDocument;
}

/** Phase 1 (image → PDF, extract, OCR where needed): everything that reads the document.
 * Throws a DocumentError when it cannot be read. */
export async function readDocument(input: Uint8Array, options: Pick<ProcessOptions, 'ocr'>): Promise<ReadDocument> {
  const bytes = await toPdfInput(input);
  let doc = await extractStage(bytes);
  if (options.ocr) doc = await ocrDocument(bytes, doc, options.ocr);
  return { bytes, doc };
}

/** Phase 2 (detect, export, verify) on a document read by phase 1. Separate so a batch can read
 * every document first and let the detector learn the whole dossier before redacting any.
 * `exportPdf` is where the export runs (in a child process with a memory cap, for the CLI). */
export async function redactDocument(
  { bytes, doc }: ReadDocument,
  options: Omit<ProcessOptions, 'ocr'>,
  exportPdf: typeof exportStage = exportStage,
): Promise<ProcessedDocument> {
  const redactions = applyExportPolicy(detectStage(doc, options.detector), options.policy);
  const { pdf, pageMethods } = await exportPdf(bytes, doc, redactions, { dpi: options.dpi, method: options.exportMethod, title: options.title });
  return { ok: true, pages: doc.pages.length, ocrPages: ocrPageSummaries(doc), findings: readingFindings(doc), redactions, pdf, pageMethods };
}

/** Both phases for one document. Never throws: a document that cannot be processed comes back as
 * a failed outcome with a Dutch message, so a batch goes on with the rest. */
export async function processDocument(input: Uint8Array, options: ProcessOptions): Promise<DocumentOutcome> {
  let pages = 0;
  try {
    const read = await readDocument(input, options);
    pages = read.doc.pages.length;
    return await redactDocument(read, options);
  } catch (err) {
    return { ok: false, pages, error: toDocumentError(err) };
  }
}

export function appliedRedactions(redactions: readonly Redaction[]): Redaction[] {
  return redactions.filter(isApplied);
}
