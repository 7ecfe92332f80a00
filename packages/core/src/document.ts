import type { Box } from './geometry.js';

/** Where the words of a page came from. */
export type TextSource = 'text-layer' | 'ocr' | 'none';

/** One word as it stands on the page. */
export interface Word {
  text: string;
  box: Box;
  /** x positions (points) of the character boundaries: text.length + 1 entries, left to right.
   * Lets a span cover part of a word (the local part of an e-mail address). */
  charEdges: number[];
  /** OCR confidence 0..100; absent for text-layer words. */
  confidence?: number;
  /** Text line the word belongs to, when the source knows it (OCR). On turned pages the line
   * cannot be read off the boxes, which are on the page as it lies. */
  line?: number;
}

export interface Page {
  /** 1-based page number. */
  number: number;
  /** Displayed page size in points (rotation applied). */
  width: number;
  height: number;
  words: Word[];
  source: TextSource;
  /** True when the text layer is missing or covers only part of what is printed on the page:
   * the page must be OCR'd before its personal data can be found. */
  needsOcr: boolean;
  /** Mean OCR word confidence (0..100) when source is 'ocr'. */
  ocrConfidence?: number;
}

export interface ExtractedDocument {
  pages: Page[];
}
