import type { ExtractedDocument, Page } from '@woo/core';

/* How well OCR read each page, for the confidential redaction report: shared by the CLI (from
 * the pipeline's reading) and the review service (from the pages it stored). */

/** Mean word confidence (0..100) of a page below which the report says the whole page was read
 * poorly (handwriting, a faint or noisy scan): clean print reads at 85-96. */
export const LOW_PAGE_CONFIDENCE = 60;

/** Per OCR'd page, for the report: mean word confidence and whether it is too low to trust. */
export interface OcrPageSummary {
  page: number;
  /** Mean word confidence, 0..100, rounded. */
  confidence: number;
  /** The page has text but OCR read it with little conviction: a reviewer must read the page. */
  lowConfidence: boolean;
}

/** A page some of whose words OCR read (a scan, or a digital page with a pasted image). */
export function hasOcrWords(page: Page): boolean {
  return page.source === 'ocr' || page.source === 'mixed';
}

export function ocrPageSummaries(doc: ExtractedDocument): OcrPageSummary[] {
  return doc.pages
    .filter(hasOcrWords)
    .map((p) => ({ page: p.number, confidence: Math.round(p.ocrConfidence ?? 0), lowConfidence: isLowConfidencePage(p) }));
}

/** A page without any words (blank, a photo) is not "read poorly": there was nothing to read. */
export function isLowConfidencePage(page: Page): boolean {
  return hasOcrWords(page) && page.words.some((w) => w.confidence !== undefined) && (page.ocrConfidence ?? 100) < LOW_PAGE_CONFIDENCE;
}
