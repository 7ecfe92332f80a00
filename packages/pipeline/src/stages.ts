import { DocumentError, type ExtractedDocument, type Redaction } from '@woo/core';
import { exportRedacted, verifyExport, type ExportOptions } from '@woo/export';
import { extractDocument } from '@woo/pdf';
import { reviewOcrUncertainty } from './ocr-review.js';
import { equaliseBoxWidths } from './box-widths.js';
import { findRedactions, type TextDetector } from './redactions.js';

/* The pipeline's stages as separate functions with plain-data inputs and outputs, so the CLI
 * can chain them in one process and the BullMQ workers can run each on any host. */

/** Stage 1: words with boxes from the PDF's text layer; pages without one are marked needsOcr. */
export async function extractStage(bytes: Uint8Array): Promise<ExtractedDocument> {
  return extractDocument(bytes);
}

/** Pages without a usable text layer cannot be searched for personal data; they must never
 * pass through unredacted. Throws when any page still needs OCR. */
export function assertAllPagesReadable(doc: ExtractedDocument): void {
  const blind = doc.pages.filter((p) => p.needsOcr).map((p) => p.number);
  if (!blind.length) return;
  const which = blind.length === 1 ? `Pagina ${blind[0]} heeft` : `De pagina's ${blind.join(', ')} hebben`;
  throw new DocumentError(
    'needs-ocr',
    `${which} geen bruikbare tekstlaag (gescand of afbeelding). Zonder tekstherkenning (OCR) kan niet worden gecontroleerd op persoonsgegevens; het document is niet verwerkt.`,
  );
}

/** Stage 3: suggestions for the whole document; on OCR'd pages, what OCR was unsure of is
 * flagged for review (ocr-review.ts). */
export function detectStage(doc: ExtractedDocument, detector: TextDetector): Redaction[] {
  assertAllPagesReadable(doc);
  return reviewOcrUncertainty(doc, findRedactions(doc, detector));
}

/** Stage 4: the redacted PDF, released only when the verifier passes it. Box widths are
 * stepped first (box-widths.ts), so no export method shows the length of what a box hides. */
export async function exportStage(
  bytes: Uint8Array,
  doc: ExtractedDocument,
  redactions: Redaction[],
  options: ExportOptions = {},
): Promise<Uint8Array> {
  const stepped = equaliseBoxWidths(doc.pages, redactions);
  const pdf = await exportRedacted(bytes, doc, stepped, options);
  const verification = await verifyExport(pdf, { doc, redactions: stepped });
  if (!verification.ok) {
    throw new DocumentError(
      'verification-failed',
      `De controle van het gelakte document is mislukt; het is daarom niet vrijgegeven: ${verification.problems.join('; ')}`,
    );
  }
  return pdf;
}
