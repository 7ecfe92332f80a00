import {
  PERSONAL_DATA_GROUND,
  buildTextIndex,
  spanBoxes,
  type Detection,
  type ExtractedDocument,
  type Redaction,
} from '@woo/core';
import { isLowConfidencePage } from './ocr-review.js';

/** Below this detector confidence a suggestion is flagged for a reviewer's eye. */
export const REVIEW_THRESHOLD = 0.5;

export interface TextDetector {
  detect(text: string): Detection[];
}

/** Run the detector over the whole document text and place every detection on its page(s).
 * A detection that crosses a page break becomes one redaction per page. */
export function findRedactions(doc: ExtractedDocument, detector: TextDetector): Redaction[] {
  const index = buildTextIndex(doc.pages);
  const redactions: Redaction[] = [];
  for (const d of detector.detect(index.text)) {
    for (const part of spanBoxes(index, doc.pages, d.start, d.end)) {
      if (!part.boxes.length) continue;
      redactions.push({
        id: `r${redactions.length + 1}`,
        page: part.page,
        boxes: part.boxes,
        text: d.text,
        category: d.category,
        ground: PERSONAL_DATA_GROUND,
        confidence: d.confidence,
        detector: d.detector,
        explanation: d.explanation,
        status: 'suggested',
        needsReview: d.confidence < REVIEW_THRESHOLD || lowOcrConfidence(doc, part.page),
      });
    }
  }
  return redactions;
}

function lowOcrConfidence(doc: ExtractedDocument, pageNumber: number): boolean {
  const page = doc.pages[pageNumber - 1];
  return page !== undefined && isLowConfidencePage(page);
}

/** How undecided suggestions are treated when a document is exported.
 * - accept-suggested: the unattended (nightly) policy: every suggestion the detectors stand behind
 *   is accepted. Weak hints (confidence below REVIEW_THRESHOLD: "Kamer", a capitalised word that
 *   is also a first name) stay open for a reviewer and are listed in the report, not blacked out.
 * - accepted-only: only what a reviewer accepted or added is blacked out. */
export type ExportPolicy = 'accept-suggested' | 'accepted-only';

export function applyPolicy(redactions: readonly Redaction[], policy: ExportPolicy): Redaction[] {
  if (policy === 'accepted-only') return [...redactions];
  return redactions.map((r) => (r.status === 'suggested' && r.confidence >= REVIEW_THRESHOLD ? { ...r, status: 'accepted' } : r));
}
