import type { GrayImage } from './images.js';
import type { RecognizedWord } from './words.js';

/** Gray level below which a pixel counts as ink (scans: dark text on light paper). */
const INK = 160;
/** How far (share of the line height) an edge may move: the LSTM edges were seen up to 0.65 of it off. */
const REACH = 1;

/**
 * Moves the left and right edges of the words of upright (horizontal) lines onto the ink.
 *
 * Why: the LSTM models place word edges at the time steps where they emitted the first and last
 * character, not on pixels. With the best_int models a word can start several points early (an
 * e-mail address starting with "j" began 7 pt inside the previous word, and that word then ended
 * 2.5 pt before its last letter did), which would leave ink uncovered by a redaction box.
 *
 * How, without guessing a letter-gap/word-gap threshold (they differ by only ~0.1 em in common
 * fonts): tesseract's order of words is right, and it split two words where it saw a space, so the
 * true boundary is the widest blank stretch of columns near its boundary. The outer edges of a
 * line move to the first and last inked column near them.
 */
export function snapToInk(words: readonly RecognizedWord[], image: GrayImage): RecognizedWord[] {
  const boxes = words.map((w) => ({ ...w.box }));
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const reach = Math.max(2, Math.round(REACH * word.lineHeight));
    const box = boxes[i]!;
    const prev = i > 0 && words[i - 1]!.line === word.line ? i - 1 : -1;
    if (prev < 0) {
      const cols = inkColumns(image, Math.max(0, box.x0 - reach), Math.min(box.x1, box.x0 + reach), box.y0, box.y1);
      const first = cols.ink.indexOf(1);
      if (first >= 0) box.x0 = cols.from + first;
    } else {
      const left = boxes[prev]!;
      const lo = Math.max(left.x0 + 1, Math.min(left.x1, box.x0) - reach);
      const hi = Math.min(box.x1 - 1, Math.max(left.x1, box.x0) + reach);
      const cols = inkColumns(image, lo, hi, Math.min(left.y0, box.y0), Math.max(left.y1, box.y1));
      const gap = widestInnerGap(cols.ink);
      if (gap) {
        left.x1 = cols.from + gap[0];
        box.x0 = cols.from + gap[1];
      }
    }
    const next = words[i + 1];
    if (!next || next.line !== word.line) {
      const cols = inkColumns(image, Math.max(box.x0 + 1, box.x1 - reach), box.x1 + reach, box.y0, box.y1);
      const last = cols.ink.lastIndexOf(1);
      if (last >= 0) box.x1 = cols.from + last + 1;
    }
  }
  return words.map((w, i) => {
    const box = boxes[i]!;
    // An edge pair that crossed means the ink did not fit tesseract's reading: keep its box.
    return box.x1 > box.x0 ? { ...w, box } : w;
  });
}

/** 1 for every column in [from, to) with a pixel darker than INK in rows [y0, y1). */
function inkColumns(image: GrayImage, from: number, to: number, y0: number, y1: number): { from: number; ink: number[] } {
  const { data, width, height } = image;
  const x0 = Math.max(0, Math.floor(from));
  const x1 = Math.min(width, Math.ceil(to));
  const ink = new Array<number>(Math.max(0, x1 - x0)).fill(0);
  for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
    const row = y * width;
    for (let x = x0; x < x1; x++) if (data[row + x]! < INK) ink[x - x0] = 1;
  }
  return { from: x0, ink };
}

/** [start, end) of the widest run of blank columns that has ink on both sides. */
function widestInnerGap(ink: readonly number[]): [number, number] | undefined {
  let best: [number, number] | undefined;
  let start = -1;
  for (let x = 0; x < ink.length; x++) {
    if (ink[x]) {
      if (start >= 0 && (!best || x - start > best[1] - best[0])) best = [start, x];
      start = -1;
    } else if (start < 0 && x > 0 && ink.slice(0, x).includes(1)) {
      start = x;
    }
  }
  return best;
}
