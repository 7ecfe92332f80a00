import type { Box } from './geometry.js';

/** Where the words of a page came from: 'mixed' when a digital page also had ink that only OCR
 * could read (a pasted screenshot, a stamp, an annotation). */
export type TextSource = 'text-layer' | 'ocr' | 'mixed' | 'none';

/** Where one word came from: 'annotation' is the text of an annotation or form field (its value,
 * a comment's text), placed only roughly in its rectangle (see isPlaced). */
export type WordSource = 'text-layer' | 'ocr' | 'annotation';

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
  /** Absent means 'text-layer'. */
  source?: WordSource;
  /** Direction of the baseline on the displayed page in degrees, counter-clockwise, when it is
   * not plain left to right (90: reads bottom to top, 270: top to bottom, 180: upside down).
   * charEdges are only meaningful for upright words. */
  angle?: number;
  /** Text at an angle that is not a quarter turn: the boxes of its stretches of about one em.
   * Together they cover the word without the large corners of its axis-aligned `box`, which lie
   * on the neighbouring lines. */
  pieces?: Box[];
}

/** True when the word runs left to right on the displayed page. */
export function isUpright(word: Word): boolean {
  return !word.angle;
}

/** True when the word's box is where its ink is (text-layer and OCR words). Annotation text is
 * only known to lie in a row of its rectangle: it is detected and boxed, but never copied into an
 * output's text layer, where the OCR reading of its appearance stands for it. */
export function isPlaced(word: Word): boolean {
  return word.source !== 'annotation';
}

/** True when the word's charEdges say where each character is: upright words with a known place. */
export function knowsCharEdges(word: Word): boolean {
  return isUpright(word) && isPlaced(word);
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
  /** Mean OCR word confidence (0..100) of the OCR words, when the page has any. */
  ocrConfidence?: number;
  /** Areas with ink that no visible text-layer glyph explains (images, annotation and form
   * appearances, text drawn as outlines, fonts that do not extract as themselves): OCR reads them. */
  ocrRegions?: Box[];
  /** Text in the file that paints nothing visible on the page (white, clipped, covered, in a hidden
   * layer, an invisible OCR layer): never published, never redacted, reported to the reviewer. */
  hiddenWords?: Word[];
  /** Areas OCR read, that hold ink OCR could not read with confidence: a person must look. */
  unreadRegions?: Box[];
}

export interface ExtractedDocument {
  pages: Page[];
}
