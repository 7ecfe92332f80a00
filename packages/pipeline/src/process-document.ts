import { DocumentError, isApplied, toDocumentError, type ExtractedDocument, type Redaction } from '@woo/core';
import { exportRedacted, verifyExport } from '@woo/export';
import { extractDocument } from '@woo/pdf';
import { applyPolicy, findRedactions, type ExportPolicy, type TextDetector } from './redactions.js';

export interface ProcessOptions {
  detector: TextDetector;
  policy: ExportPolicy;
  /** Resolution of the exported page images. */
  dpi?: number;
  /** Called after each stage with the stage name; lets a caller show progress. */
  onStage?: (stage: Stage, pages: number) => void;
}

export type Stage = 'extracted' | 'detected' | 'exported' | 'verified';

export type DocumentOutcome =
  | { ok: true; pages: number; redactions: Redaction[]; pdf: Uint8Array }
  | { ok: false; pages: number; error: DocumentError };

/** The whole digital pipeline for one document: extract → detect → export → verify.
 * Never throws: a document that cannot be processed comes back as a failed outcome with a
 * Dutch message, so a batch can go on with the rest. */
export async function processDocument(bytes: Uint8Array, options: ProcessOptions): Promise<DocumentOutcome> {
  let pages = 0;
  try {
    const doc = await extractDocument(bytes);
    pages = doc.pages.length;
    options.onStage?.('extracted', pages);
    refuseUnreadablePages(doc);
    const redactions = applyPolicy(findRedactions(doc, options.detector), options.policy);
    options.onStage?.('detected', pages);
    const pdf = await exportRedacted(bytes, doc, redactions, { dpi: options.dpi });
    options.onStage?.('exported', pages);
    const verification = await verifyExport(pdf, { doc, redactions });
    if (!verification.ok) {
      throw new DocumentError(
        'verification-failed',
        `De controle van het gelakte document is mislukt; het is daarom niet vrijgegeven: ${verification.problems.join('; ')}`,
      );
    }
    options.onStage?.('verified', pages);
    return { ok: true, pages, redactions, pdf };
  } catch (err) {
    return { ok: false, pages, error: toDocumentError(err) };
  }
}

/** Pages without a usable text layer cannot be searched for personal data without OCR; they
 * must never pass through unredacted. */
function refuseUnreadablePages(doc: ExtractedDocument): void {
  const blind = doc.pages.filter((p) => p.needsOcr).map((p) => p.number);
  if (!blind.length) return;
  const which = blind.length === 1 ? `Pagina ${blind[0]} heeft` : `De pagina's ${blind.join(', ')} hebben`;
  throw new DocumentError(
    'needs-ocr',
    `${which} geen bruikbare tekstlaag (gescand of afbeelding). Zonder tekstherkenning (OCR) kan niet worden gecontroleerd op persoonsgegevens; het document is niet verwerkt.`,
  );
}

/** Counts for the inventory and summaries. */
export function appliedRedactions(redactions: readonly Redaction[]): Redaction[] {
  return redactions.filter(isApplied);
}
