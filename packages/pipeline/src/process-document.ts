import { isApplied, toDocumentError, type DocumentError, type ExtractedDocument, type Redaction } from '@woo/core';
import type { OcrReader } from '@woo/ocr';
import { toPdfInput } from './input.js';
import { ocrDocument } from './ocr-stage.js';
import { applyPolicy, type ExportPolicy, type TextDetector } from './redactions.js';
import { detectStage, exportStage, extractStage } from './stages.js';

export interface ProcessOptions {
  detector: TextDetector;
  policy: ExportPolicy;
  /** Reads pages without a usable text layer. Without it such documents fail (never pass unread). */
  ocr?: OcrReader;
  /** Resolution of the exported page images. */
  dpi?: number;
}

export interface ProcessedDocument {
  ok: true;
  pages: number;
  /** Pages read by OCR, with their mean word confidence (0..100). */
  ocrPages: Array<{ page: number; confidence: number }>;
  redactions: Redaction[];
  pdf: Uint8Array;
}

export type DocumentOutcome = ProcessedDocument | { ok: false; pages: number; error: DocumentError };

/** All stages for one document in this process: (image → PDF) → extract → OCR where needed →
 * detect → export → verify. Never throws: a document that cannot be processed comes back as a
 * failed outcome with a Dutch message, so a batch goes on with the rest. */
export async function processDocument(input: Uint8Array, options: ProcessOptions): Promise<DocumentOutcome> {
  let pages = 0;
  try {
    const bytes = await toPdfInput(input);
    let doc: ExtractedDocument = await extractStage(bytes);
    pages = doc.pages.length;
    if (options.ocr) doc = await ocrDocument(bytes, doc, options.ocr);
    const redactions = applyPolicy(detectStage(doc, options.detector), options.policy);
    const pdf = await exportStage(bytes, doc, redactions, { dpi: options.dpi });
    const ocrPages = doc.pages.filter((p) => p.source === 'ocr').map((p) => ({ page: p.number, confidence: Math.round(p.ocrConfidence ?? 0) }));
    return { ok: true, pages, ocrPages, redactions, pdf };
  } catch (err) {
    return { ok: false, pages, error: toDocumentError(err) };
  }
}

export function appliedRedactions(redactions: readonly Redaction[]): Redaction[] {
  return redactions.filter(isApplied);
}
