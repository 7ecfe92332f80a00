import { buildTextIndex, DocumentError, type ExtractedDocument, type Redaction } from '@woo/core';
import { addKnowledge, storeKnowledge, type Detector, type Dossier, type StoredKnowledge } from '@woo/detect';
import { exportRedacted, readInputChecks, verifyExport, type ExportedPdf, type ExportOptions, type VerificationReport } from '@woo/export';
import { extractDocument } from '@woo/pdf';
import { dropAnnotationEchoes } from './annotation-echoes.js';
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

/** Stage 3a: what a read document teaches the dossier of its batch (names found with certainty,
 * the organisation's e-mail domains, home addresses), learned once per document and kept. */
export function learnStage(doc: ExtractedDocument, detector: Detector): StoredKnowledge {
  const dossier = detector.dossier();
  dossier.learn(buildTextIndex(doc.pages).text);
  return storeKnowledge(dossier.knowledge);
}

/** The batch as a dossier, from what each of its documents taught (in document order): what is
 * certain in one document is looked for in all of them. */
export function batchDossier(detector: Detector, learned: readonly StoredKnowledge[]): Dossier {
  const dossier = detector.dossier();
  for (const k of learned) addKnowledge(dossier.knowledge, k);
  return dossier;
}

/** Stage 3b: suggestions for the whole document; on OCR'd pages, what OCR was unsure of is
 * flagged for review (ocr-review.ts); annotation text that OCR read exactly is boxed only once. */
export function detectStage(doc: ExtractedDocument, detector: TextDetector): Redaction[] {
  assertAllPagesReadable(doc);
  return reviewOcrUncertainty(doc, dropAnnotationEchoes(doc, findRedactions(doc, detector)));
}

/** Stage 4: the redacted PDF, released only when the verifier passes it. Box widths are stepped
 * first (box-widths.ts), so no export method shows the length of what a box hides. In `auto` mode
 * a vector page the verifier rejects is exported once more as raster (as are all vector pages
 * when a problem concerns the whole file); a raster page it rejects fails the document. */
export async function exportStage(
  bytes: Uint8Array,
  doc: ExtractedDocument,
  redactions: Redaction[],
  options: ExportOptions = {},
): Promise<ExportedPdf> {
  const stepped = equaliseBoxWidths(doc.pages, redactions);
  // what the verifier needs of the input is read on a page thread while the export runs
  const inputChecks = readInputChecks(bytes, doc, stepped);
  inputChecks.catch(() => undefined); // awaited (and reported) by the verifier
  let exported = await exportRedacted(bytes, doc, stepped, options);
  let verification = await verifyExport(exported.pdf, { doc, redactions: stepped, source: bytes, inputChecks });
  const retry = (options.method ?? 'auto') === 'auto' ? vectorPagesToRedo(verification, exported) : [];
  if (retry.length) {
    const again = await exportRedacted(bytes, doc, stepped, { ...options, forceRaster: [...(options.forceRaster ?? []), ...retry] });
    // the time of the rejected first attempt counts for the pages that had to be redone
    exported = { ...again, rasterMs: again.rasterMs + exported.rasterMs + exported.vectorMs };
    verification = await verifyExport(exported.pdf, { doc, redactions: stepped, source: bytes, inputChecks });
  }
  if (!verification.ok) {
    throw new DocumentError(
      'verification-failed',
      `De controle van het gelakte document is mislukt; het is daarom niet vrijgegeven: ${verification.problems.join('; ')}`,
    );
  }
  return exported;
}

/** Vector pages to export as raster after a failed verification: those the problems name, or
 * every vector page when a problem names no page. */
function vectorPagesToRedo(verification: VerificationReport, exported: ExportedPdf): number[] {
  if (verification.ok) return [];
  const vector = exported.pageMethods.flatMap((m, i) => (m === 'vector' ? [i + 1] : []));
  return verification.wholeFile ? vector : vector.filter((n) => verification.problemPages.includes(n));
}
