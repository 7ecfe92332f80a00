import {
  PERSONAL_DATA_GROUND,
  buildTextIndex,
  isWeakHint,
  spanBoxes,
  type Detection,
  type ExtractedDocument,
  type Redaction,
} from '@woo/core';
import { isLowConfidencePage } from './ocr-review.js';

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
        needsReview: isWeakHint(d) || lowOcrConfidence(doc, part.page),
      });
    }
  }
  return redactions;
}

function lowOcrConfidence(doc: ExtractedDocument, pageNumber: number): boolean {
  const page = doc.pages[pageNumber - 1];
  return page !== undefined && isLowConfidencePage(page);
}
