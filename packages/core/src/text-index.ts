import { knowsCharEdges, type Page, type Word } from './document.js';
import { unionBox, type Box } from './geometry.js';

/** The text of a whole document as detectors read it, with a map from every character back to
 * the word it came from. Words on one line are joined by a space (a tab where a wide gap suggests
 * a table column), lines by a newline, pages by a form feed. */
export interface TextIndex {
  text: string;
  /** Per character: index into `pages`, or -1 for separators. */
  pageOf: Int32Array;
  /** Per character: word index within its page, or -1 for separators. */
  wordOf: Int32Array;
  /** Per character: character index within its word, or -1 for separators. */
  charOf: Int32Array;
}

/** One stretch of a span on one page. */
export interface PageSpan {
  page: number;
  boxes: Box[];
}

const COLUMN_GAP_EM = 1.6;

function separator(prev: Word, next: Word): string {
  const h = Math.min(prev.box.height, next.box.height);
  let sameLine: boolean;
  if (prev.line !== undefined && next.line !== undefined) {
    sameLine = prev.line === next.line;
  } else {
    const top = Math.max(prev.box.y, next.box.y);
    const bottom = Math.min(prev.box.y + prev.box.height, next.box.y + next.box.height);
    sameLine = bottom - top > 0.5 * h && next.box.x >= prev.box.x + prev.box.width - 0.5 * h;
  }
  if (!sameLine) return '\n';
  const gap = next.box.x - (prev.box.x + prev.box.width);
  return gap > COLUMN_GAP_EM * h ? '\t' : ' ';
}

export function buildTextIndex(pages: readonly Page[]): TextIndex {
  const parts: string[] = [];
  const pageOf: number[] = [];
  const wordOf: number[] = [];
  const charOf: number[] = [];
  const push = (s: string, p: number, w: number, c0: number) => {
    parts.push(s);
    for (let i = 0; i < s.length; i++) {
      pageOf.push(p);
      wordOf.push(w);
      charOf.push(w < 0 ? -1 : c0 + i);
    }
  };
  pages.forEach((page, p) => {
    if (p > 0) push('\f', -1, -1, 0);
    page.words.forEach((word, w) => {
      if (w > 0) push(separator(page.words[w - 1]!, word), -1, -1, 0);
      push(word.text, p, w, 0);
    });
  });
  return {
    text: parts.join(''),
    pageOf: Int32Array.from(pageOf),
    wordOf: Int32Array.from(wordOf),
    charOf: Int32Array.from(charOf),
  };
}

/** Box of characters [from, to) of a word, using its character edges. A word without usable edges
 * (turned, or annotation text) is covered whole by any part of it (never a sliver). */
export function charRangeBox(word: Word, from: number, to: number): Box {
  if ((from <= 0 && to >= word.text.length) || !knowsCharEdges(word)) return word.box;
  const x0 = word.charEdges[from] ?? word.box.x;
  const x1 = word.charEdges[to] ?? word.box.x + word.box.width;
  return { x: x0, y: word.box.y, width: Math.max(0, x1 - x0), height: word.box.height };
}

/** Where the characters [start, end) of the index text stand on the pages: one box per line
 * stretch (words on one line merge into one bar, as a human redactor would draw it). */
export function spanBoxes(index: TextIndex, pages: readonly Page[], start: number, end: number): PageSpan[] {
  // collect covered character ranges per (page, word)
  const ranges = new Map<string, { p: number; w: number; from: number; to: number }>();
  const order: string[] = [];
  for (let i = start; i < end; i++) {
    const p = index.pageOf[i]!;
    if (p < 0) continue;
    const w = index.wordOf[i]!;
    const c = index.charOf[i]!;
    const key = `${p}:${w}`;
    const r = ranges.get(key);
    if (r) {
      r.from = Math.min(r.from, c);
      r.to = Math.max(r.to, c + 1);
    } else {
      ranges.set(key, { p, w, from: c, to: c + 1 });
      order.push(key);
    }
  }
  const out: PageSpan[] = [];
  let line: Box[] = [];
  let lineWord: Word | undefined;
  let current: PageSpan | undefined;
  const flushLine = () => {
    if (current && line.length) current.boxes.push(unionBox(line));
    line = [];
    lineWord = undefined;
  };
  for (const key of order) {
    const r = ranges.get(key)!;
    const page = pages[r.p]!;
    const word = page.words[r.w]!;
    if (!current || current.page !== page.number) {
      flushLine();
      current = { page: page.number, boxes: [] };
      out.push(current);
    }
    if (lineWord && separator(lineWord, word) === '\n') flushLine();
    // slanted text is covered by its pieces: a bar over the whole line would cover its neighbours
    if (word.pieces) current.boxes.push(...word.pieces);
    else line.push(charRangeBox(word, r.from, r.to));
    lineWord = word;
  }
  flushLine();
  return out;
}
