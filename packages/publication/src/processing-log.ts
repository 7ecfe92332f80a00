import { isApplied, type Redaction } from '@woo/core';
import type { OcrPageSummary } from './ocr-pages.js';
import type { ReadingFinding } from './reading-findings.js';

/* The processing log of a batch: per input document its status, errors, the pages OCR read and
 * the pages flagged for a person. It names the original files, so it is confidential: the CLI
 * writes it as vertrouwelijk/verwerkingslog.json, the review service serves it as
 * verwerkingslog.json. One builder, so both say the same. */

/** One document of the batch in the processing log. */
export interface ProcessedFile {
  /** The original's name. */
  file: string;
  number: number;
  status: string;
  pages: number;
  /** Redactions blacked out. */
  redactions: number;
  /** Suggestions nobody decided on (not blacked out). */
  openSuggestions: number;
  /** Pages flagged for a person to check. */
  pagesToReview: number[];
  /** Pages read by OCR. */
  ocrPages: number[];
  duplicateOf?: number;
  error?: string;
  errorCode?: string;
  /** How the document was read (Dutch); absent for a document that failed. */
  findings?: string[];
}

export interface ProcessedFileInput {
  file: string;
  number: number;
  status: string;
  pages: number;
  redactions: ReadonlyArray<Pick<Redaction, 'status'>>;
  findings: readonly ReadingFinding[];
  ocrPages: readonly OcrPageSummary[];
  pagesToReview: readonly number[];
  duplicateOf?: number;
  error?: { message: string; code?: string | null };
}

export function processedFile(d: ProcessedFileInput): ProcessedFile {
  return {
    file: d.file,
    number: d.number,
    status: d.status,
    pages: d.pages,
    redactions: d.redactions.filter(isApplied).length,
    openSuggestions: d.redactions.filter((r) => r.status === 'suggested').length,
    pagesToReview: [...d.pagesToReview],
    ocrPages: d.ocrPages.map((p) => p.page),
    ...(d.duplicateOf !== undefined ? { duplicateOf: d.duplicateOf } : {}),
    ...(d.error ? { error: d.error.message, ...(d.error.code ? { errorCode: d.error.code } : {}) } : { findings: d.findings.map((f) => f.message) }),
  };
}

/** The batch's totals; a document with an error counts as failed. */
export interface ProcessingTotals {
  documents: number;
  failed: number;
  pages: number;
  redactions: number;
  openSuggestions: number;
  pagesToReview: number;
}

export function processingTotals(results: readonly ProcessedFile[]): ProcessingTotals {
  const sum = (f: (r: ProcessedFile) => number) => results.reduce((n, r) => n + f(r), 0);
  return {
    documents: results.length,
    failed: results.filter((r) => r.error !== undefined).length,
    pages: sum((r) => r.pages),
    redactions: sum((r) => r.redactions),
    openSuggestions: sum((r) => r.openSuggestions),
    pagesToReview: sum((r) => r.pagesToReview.length),
  };
}
