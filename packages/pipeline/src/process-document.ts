import { isApplied, toDocumentError, type DocumentError, type Redaction } from '@woo/core';
import { applyPolicy, type ExportPolicy, type TextDetector } from './redactions.js';
import { detectStage, exportStage, extractStage } from './stages.js';

export interface ProcessOptions {
  detector: TextDetector;
  policy: ExportPolicy;
  /** Resolution of the exported page images. */
  dpi?: number;
}

export type DocumentOutcome =
  | { ok: true; pages: number; redactions: Redaction[]; pdf: Uint8Array }
  | { ok: false; pages: number; error: DocumentError };

/** All stages for one document in this process: extract → detect → export → verify.
 * Never throws: a document that cannot be processed comes back as a failed outcome with a
 * Dutch message, so a batch goes on with the rest. */
export async function processDocument(bytes: Uint8Array, options: ProcessOptions): Promise<DocumentOutcome> {
  let pages = 0;
  try {
    const doc = await extractStage(bytes);
    pages = doc.pages.length;
    const redactions = applyPolicy(detectStage(doc, options.detector), options.policy);
    const pdf = await exportStage(bytes, doc, redactions, { dpi: options.dpi });
    return { ok: true, pages, redactions, pdf };
  } catch (err) {
    return { ok: false, pages, error: toDocumentError(err) };
  }
}

export function appliedRedactions(redactions: readonly Redaction[]): Redaction[] {
  return redactions.filter(isApplied);
}
