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

const EMAIL = /^[([<"'‘“]*[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+[)\]>"'’”.,;:]*$/u;

/**
 * Joins e-mail addresses that OCR split into two words. The LSTM sees a space where the glyphs
 * leave one: around "_" and before "@" ("zoe _baldewsingh@xs4all.nl", "terbeek.jelmer7 @ziggo.nl"),
 * and a detector cannot know that the first part belongs to the address. Two neighbouring words of
 * one line are joined when the join is an e-mail address (and neither part is one on its own, so
 * two addresses in a list stay apart), the join point is "@", "_" or "." and the gap is narrower
 * than half the line height (a real space between words in running text is wider relative to a
 * joined-up address, and a column gap much wider). Upright (horizontal) lines only.
 */
export function joinSplitEmails(words: readonly RecognizedWord[]): RecognizedWord[] {
  const out: RecognizedWord[] = [];
  for (const word of words) {
    const prev = out.at(-1);
    if (prev && prev.line === word.line && isSplitEmail(prev, word)) {
      out[out.length - 1] = {
        text: prev.text + word.text,
        confidence: Math.min(prev.confidence, word.confidence),
        box: { x0: Math.min(prev.box.x0, word.box.x0), y0: Math.min(prev.box.y0, word.box.y0), x1: Math.max(prev.box.x1, word.box.x1), y1: Math.max(prev.box.y1, word.box.y1) },
        line: prev.line,
        lineHeight: Math.max(prev.lineHeight, word.lineHeight),
        ...(prev.symbols && word.symbols ? { symbols: [...prev.symbols, ...word.symbols] } : {}),
      };
    } else {
      out.push(word);
    }
  }
  return out;
}

/** An address on its own: one starting with "_" or "." is the tail of a split one. */
function wholeEmail(text: string): boolean {
  return EMAIL.test(text) && /^[([<"'‘“]*[\p{L}\p{N}]/u.test(text);
}

function isSplitEmail(left: RecognizedWord, right: RecognizedWord): boolean {
  const gap = right.box.x0 - left.box.x1;
  if (gap > 0.5 * Math.max(left.lineHeight, right.lineHeight)) return false;
  if (!/[@_.]$/.test(left.text) && !/^[@_.]/.test(right.text)) return false;
  if (wholeEmail(left.text) || wholeEmail(right.text)) return false;
  return EMAIL.test(left.text + right.text);
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
    // the text runs at `rotation` clockwise from upright: its baseline angle counter-clockwise
    const angle = (360 - mapping.rotation) % 360;
    return { text: correctIban(w.text), box, charEdges, confidence: w.confidence, line: w.line, source: 'ocr' as const, ...(angle ? { angle } : {}) };
  });
}

/** Character boundaries (pixels) of an upright word: between two symbol boxes, halfway across
 * their gap or overlap; inside a symbol that stands for several characters, and when tesseract
 * gave no usable symbols, proportional to the character count.
 *
 * The symbol boxes are where the LSTM saw the characters (right where they are, as a rule), while
 * the word box may since have been moved onto the ink (`snapToInk`). Where the two disagree,
 * boundaries clamped into the word box can crowd at its ends: a character squeezed to nothing at
 * a word's end would sit exactly on the edge of a redaction box over the word and count as
 * outside it (its text would stay in the text layer). So when a character ends up narrower than a
 * fifth of the mean, the symbol span is stretched onto the word box instead, and failing that the
 * edges are proportional. */
export function pixelCharEdges(word: RecognizedWord): number[] {
  const { text, box } = word;
  const symbols = word.symbols;
  const even = proportional(box.x0, box.x1, text.length);
  if (!symbols?.length || symbols.map((s) => s.text).join('') !== text) return even;
  const minWidth = (0.2 * (box.x1 - box.x0)) / Math.max(1, text.length);
  const from = symbols[0]!.box.x0;
  const to = symbols.at(-1)!.box.x1;
  const mappings: Array<(x: number) => number> = [(x) => Math.min(box.x1, Math.max(box.x0, x))];
  if (to > from) mappings.push((x) => box.x0 + ((x - from) * (box.x1 - box.x0)) / (to - from));
  for (const onBox of mappings) {
    const bounds = [box.x0];
    for (let i = 1; i < symbols.length; i++) bounds.push(onBox((symbols[i - 1]!.box.x1 + symbols[i]!.box.x0) / 2));
    bounds.push(box.x1);
    const edges: number[] = [];
    symbols.forEach((s, i) => edges.push(...proportional(bounds[i]!, bounds[i + 1]!, s.text.length).slice(0, -1)));
    edges.push(box.x1);
    let crowded = false;
    for (let i = 1; i < edges.length; i++) if (!(edges[i]! - edges[i - 1]! >= minWidth)) crowded = true;
    if (!crowded) return edges;
  }
  return even;
}

/** OCR reads the digits 0 and 1 of an IBAN as the letters O and I/l ("NLO9INGB..."): in the digit
 * positions of a word shaped like a Dutch IBAN those letters are put back, but only when the
 * result passes the IBAN check (mod 97), so nothing else is ever changed. Same length, so the
 * character edges still fit. */
export function correctIban(text: string): string {
  const m = /^(.*?)(NL)([0-9OIl]{2})([A-Z]{4})([0-9OIl]{10})(.*)$/.exec(text);
  if (!m || !/[OIl]/.test(m[3]! + m[5]!) || /[\p{L}\p{N}]$/u.test(m[1]!) || /^[\p{L}\p{N}]/u.test(m[6]!)) return text;
  const digits = (s: string) => s.replace(/O/g, '0').replace(/[Il]/g, '1');
  const iban = `NL${digits(m[3]!)}${m[4]}${digits(m[5]!)}`;
  return ibanValid(iban) ? `${m[1]}${iban}${m[6]}` : text;
}

function ibanValid(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
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
