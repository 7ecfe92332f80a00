import type { Word } from '@woo/core';
import type { Page as TessPage } from 'tesseract.js';
import type { PixelBox, Rotation } from './orientation.js';

/** Below this word confidence (0..100) a reviewer should look at the word itself: tesseract's
 * LSTM gives 90+ on clean print and drops under 60 on smudges, stamps and handwriting. */
export const LOW_CONFIDENCE = 60;

/** One word as tesseract reported it, in pixels of the image it was given. */
export interface RecognizedWord {
  text: string;
  confidence: number;
  box: PixelBox;
  /** Character boxes; absent when tesseract gave none (it reports zeros for text it turned itself). */
  symbols?: { text: string; box: PixelBox }[];
  /** Index of the text line within the page, to tell reading direction. */
  line: number;
  /** Height of that line in pixels: the scale for gaps between words. */
  lineHeight: number;
}

export function recognizedWords(page: TessPage): RecognizedWord[] {
  const out: RecognizedWord[] = [];
  let line = 0;
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const textLine of paragraph.lines) {
        for (const word of textLine.words) {
          const text = word.text.trim();
          if (!text || !hasArea(word.bbox)) continue;
          const symbols = word.symbols.map((s) => ({ text: s.text, box: s.bbox }));
          const lineHeight = textLine.bbox.y1 - textLine.bbox.y0;
          out.push({ text, confidence: word.confidence, box: word.bbox, line, lineHeight, ...(symbols.every((s) => hasArea(s.box)) ? { symbols } : {}) });
        }
        line++;
      }
    }
  }
  return out;
}

/** The text direction tesseract itself handled: its page layout finds vertical text lines and
 * turns them upright internally (a page scanned a quarter turn clockwise reads fine as is), while
 * still reporting boxes in the coordinates of the image it was given. So we learn that it did from
 * the word boxes: long words are taller than wide. Within a line, words going down the image mean
 * the text was turned clockwise (90), going up counter-clockwise (270). */
export function verticalTextRotation(words: readonly RecognizedWord[]): Rotation {
  let tall = 0;
  let wide = 0;
  for (const w of words) {
    if (w.text.length < 3) continue;
    if (w.box.y1 - w.box.y0 > w.box.x1 - w.box.x0) tall++;
    else wide++;
  }
  if (tall <= wide) return 0;
  let down = 0;
  for (let i = 1; i < words.length; i++) {
    const prev = words[i - 1]!;
    const next = words[i]!;
    if (prev.line === next.line) down += Math.sign(next.box.y0 + next.box.y1 - prev.box.y0 - prev.box.y1);
  }
  return down >= 0 ? 90 : 270;
}

export interface PageMapping {
  /** The text direction on the page: words on turned pages get no character edges. */
  rotation: Rotation;
  /** The original image size in pixels. */
  imageWidth: number;
  imageHeight: number;
  /** The page size in points. */
  pageWidth: number;
  pageHeight: number;
}

/** Words with boxes in pixels of the original image -> words in page points, top-left origin. */
export function toPageWords(words: readonly RecognizedWord[], mapping: PageMapping): Word[] {
  const sx = mapping.pageWidth / mapping.imageWidth;
  const sy = mapping.pageHeight / mapping.imageHeight;
  return words.map((w) => {
    const px = w.box;
    const box = { x: px.x0 * sx, y: px.y0 * sy, width: (px.x1 - px.x0) * sx, height: (px.y1 - px.y0) * sy };
    // charEdges are x positions, left to right: that only describes upright text. On a turned
    // page we give none, so a detection covering part of a word gets the whole word box
    // (charRangeBox falls back to it): more black, never less.
    const charEdges = mapping.rotation === 0 ? pixelCharEdges(w).map((x) => x * sx) : [];
    return { text: w.text, box, charEdges, confidence: w.confidence, line: w.line };
  });
}

/** Character boundaries (pixels) of an upright word: between two symbol boxes, halfway across
 * their gap or overlap; inside a symbol that stands for several characters, and when tesseract
 * gave no usable symbols, proportional to the character count.
 *
 * The symbol boxes are where the LSTM emitted the characters, while the word box may since have
 * been moved onto the ink (`snapToInk`), so the symbol span is stretched onto the word box. Edges
 * that still crowd (a character narrower than a fifth of the mean: symbol boxes that disagree with
 * the word box) fall back to proportional edges: a character squeezed to nothing at a word's end
 * would sit exactly on the edge of a redaction box over the word and count as outside it. */
export function pixelCharEdges(word: RecognizedWord): number[] {
  const { text, box } = word;
  const symbols = word.symbols;
  const even = proportional(box.x0, box.x1, text.length);
  if (!symbols?.length || symbols.map((s) => s.text).join('') !== text) return even;
  const from = symbols[0]!.box.x0;
  const to = symbols.at(-1)!.box.x1;
  if (!(to > from)) return even;
  const scale = (box.x1 - box.x0) / (to - from);
  const onBox = (x: number) => box.x0 + (x - from) * scale;
  const bounds = [box.x0];
  for (let i = 1; i < symbols.length; i++) bounds.push(onBox((symbols[i - 1]!.box.x1 + symbols[i]!.box.x0) / 2));
  bounds.push(box.x1);
  const edges: number[] = [];
  symbols.forEach((s, i) => edges.push(...proportional(bounds[i]!, bounds[i + 1]!, s.text.length).slice(0, -1)));
  edges.push(box.x1);
  const minWidth = (0.2 * (box.x1 - box.x0)) / Math.max(1, text.length);
  for (let i = 1; i < edges.length; i++) if (!(edges[i]! - edges[i - 1]! >= minWidth)) return even;
  return edges;
}

function proportional(x0: number, x1: number, count: number): number[] {
  return Array.from({ length: count + 1 }, (_, i) => x0 + ((x1 - x0) * i) / Math.max(1, count));
}

function hasArea(b: PixelBox): boolean {
  return b.x1 > b.x0 && b.y1 > b.y0;
}

/** The words an OCR pass is unsure of (confidence below `threshold`), for the reviewer. Words
 * without a confidence (from a text layer) are never flagged. */
export function lowConfidenceWords(words: readonly Word[], threshold: number = LOW_CONFIDENCE): Word[] {
  return words.filter((w) => w.confidence !== undefined && w.confidence < threshold);
}
