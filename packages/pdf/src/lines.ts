import type { Box, Word } from '@woo/core';
import type { Glyph, Point } from './glyphs.js';

/* Words and lines by geometry: a PDF may draw the glyphs of a name in any order (shuffled, right
 * to left, the right half of a line first, a table column by column), so reading order is never
 * taken from the content stream. Glyphs are grouped by writing direction, then by baseline, then
 * sorted along the baseline; words break at spaces and gaps. */

/** Directions within this many degrees of a quarter turn are taken as that quarter turn. */
const SNAP_DEGREES = 1.5;
/** Glyphs whose baselines are this close (in em) share a line. */
const SAME_BASELINE_EM = 0.35;
/** A gap wider than this (in em) along the baseline ends a word. */
const MAX_GAP_EM = 0.25;
/** A space character ends a word only where the glyphs around it leave at least this gap (em). */
const MIN_SPACE_EM = 0.08;
/** The same character drawn again this close (in em) is one glyph drawn twice (fake bold). */
const DUPLICATE_EM = 0.15;
/** Letter-spaced text ("J e r o e n"): single letters this close (in em) form one word. */
const LETTER_SPACED_GAP_EM = 0.8;
const MIN_LETTER_SPACED_RUN = 3;

const round = (v: number) => Math.round(v * 100) / 100;
const dot = (a: Point, b: Point) => a[0] * b[0] + a[1] * b[1];

function snapAngle(angle: number): number {
  const quarter = Math.round(angle / 90) * 90;
  return (Math.abs(angle - quarter) <= SNAP_DEGREES ? quarter : Math.round(angle)) % 360;
}

interface Placed {
  glyph: Glyph;
  /** Position along the baseline (start and end of the advance) and across it. */
  from: number;
  to: number;
  offset: number;
}

/** A word, and whether its fonts extract as themselves (font-trust.ts). */
export interface FontWord {
  word: Word;
  trusted: boolean;
}

/** Words of a page in reading order (lines top to bottom per writing direction, upright text
 * first), each with the id of its line. A word never mixes trusted and untrusted fonts: what an
 * untrusted font draws is read by OCR, and must not hide behind a trusted neighbour. */
export function wordsFromGlyphs(glyphs: readonly Glyph[], untrusted: ReadonlySet<string> = new Set()): FontWord[] {
  const byAngle = new Map<number, Glyph[]>();
  for (const g of glyphs) {
    const a = snapAngle(g.angle);
    const group = byAngle.get(a);
    if (group) group.push(g);
    else byAngle.set(a, [g]);
  }
  const words: FontWord[] = [];
  let lineId = 0;
  for (const angle of [...byAngle.keys()].sort((a, b) => a - b)) {
    const rad = (angle * Math.PI) / 180;
    const along: Point = [Math.cos(rad), -Math.sin(rad)];
    const up: Point = [along[1], -along[0]];
    const placed = byAngle.get(angle)!.map((glyph) => ({ glyph, from: dot(glyph.start, along), to: dot(glyph.end, along), offset: dot(glyph.start, up) }));
    for (const line of baselines(placed)) {
      for (const word of lineWords(line, untrusted)) words.push({ word: toWord(word, angle, lineId), trusted: !untrusted.has(word[0]!.glyph.font) });
      lineId++;
    }
  }
  return words;
}

/** Glyphs grouped by baseline, top line first, each sorted along its baseline. */
function baselines(placed: Placed[]): Placed[][] {
  const sorted = [...placed].sort((a, b) => b.offset - a.offset);
  const lines: Placed[][] = [];
  let current: Placed[] = [];
  let mean = 0;
  for (const p of sorted) {
    if (current.length && mean - p.offset > SAME_BASELINE_EM * Math.min(p.glyph.size, current[0]!.glyph.size)) {
      lines.push(current);
      current = [];
    }
    current.push(p);
    mean = current.reduce((s, q) => s + q.offset, 0) / current.length;
  }
  if (current.length) lines.push(current);
  return lines.map((line) => line.sort((a, b) => a.from - b.from || a.to - b.to));
}

/** Glyph runs of one line that form words, with letter-spaced runs joined. A space ends a word
 * only where there is room for it: pdfjs also reports the jumps of glyphs drawn out of order as
 * spaces, which may lie anywhere. */
function lineWords(line: Placed[], untrusted: ReadonlySet<string>): Placed[][] {
  const words: Placed[][] = [];
  let current: Placed[] = [];
  let spaced = false;
  for (const p of line) {
    if (p.glyph.space) {
      spaced = true;
      continue;
    }
    const prev = current.at(-1);
    const em = p.glyph.size;
    if (prev && p.glyph.text === prev.glyph.text && Math.abs(p.from - prev.from) < DUPLICATE_EM * em) continue;
    const gap = prev ? p.from - prev.to : 0;
    const trustChanges = prev !== undefined && untrusted.has(prev.glyph.font) !== untrusted.has(p.glyph.font);
    if (prev && (trustChanges || gap > MAX_GAP_EM * em || (spaced && gap > MIN_SPACE_EM * em))) {
      words.push(current);
      current = [];
    }
    current.push(p);
    spaced = false;
  }
  if (current.length) words.push(current);
  return joinLetterSpaced(words);
}

const isSingleLetter = (w: Placed[]) => w.length === 1 && /^\p{L}$/u.test(w[0]!.glyph.text);

/** "J e r o e n" (letters set apart with spaces or character spacing) becomes "Jeroen"; a gap
 * clearly wider than the others in the run ("J e r o e n   J a n s e n") still separates words. */
function joinLetterSpaced(words: Placed[][]): Placed[][] {
  const out: Placed[][] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j + 1 < words.length && isSingleLetter(words[j]!) && isSingleLetter(words[j + 1]!) && gap(words[j]!, words[j + 1]!) <= LETTER_SPACED_GAP_EM * words[j]![0]!.glyph.size) j++;
    if (j - i + 1 >= MIN_LETTER_SPACED_RUN) {
      const run = words.slice(i, j + 1);
      const gaps = run.slice(1).map((w, k) => gap(run[k]!, w));
      const usual = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
      let word: Placed[] = [...run[0]!];
      run.slice(1).forEach((w, k) => {
        if (gaps[k]! > 1.6 * usual + 0.05 * w[0]!.glyph.size) {
          out.push(word);
          word = [];
        }
        word.push(...w);
      });
      out.push(word);
      i = j + 1;
    } else {
      out.push(words[i]!);
      i++;
    }
  }
  return out;
}

const gap = (a: Placed[], b: Placed[]) => b[0]!.from - a.at(-1)!.to;


function toWord(glyphs: Placed[], angle: number, line: number): Word {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const { glyph } of glyphs) {
    const c = glyph.corners;
    for (let i = 0; i < c.length; i += 2) {
      x0 = Math.min(x0, c[i]!);
      y0 = Math.min(y0, c[i + 1]!);
      x1 = Math.max(x1, c[i]!);
      y1 = Math.max(y1, c[i + 1]!);
    }
  }
  const text = glyphs.map((p) => p.glyph.text).join('');
  const box = { x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) };
  let edges: number[];
  if (angle === 0) {
    // a character outside the BMP is two UTF-16 units; both map to the whole glyph
    edges = [box.x];
    for (const { glyph } of glyphs) {
      const end = round(Math.min(Math.max(glyph.end[0], x0, edges.at(-1)!), x1));
      for (let u = 0; u < glyph.text.length; u++) edges.push(end);
    }
    edges[edges.length - 1] = round(x1);
  } else {
    // no meaningful x edges off the horizontal: spread evenly to keep charEdges' contract
    edges = Array.from({ length: text.length + 1 }, (_, i) => round(x0 + ((x1 - x0) * i) / text.length));
  }
  const pieces = angle % 90 ? slantedPieces(glyphs) : undefined;
  return { text, box, charEdges: edges, line, ...(angle ? { angle } : {}), ...(pieces ? { pieces } : {}) };
}

/** Boxes of stretches of a slanted word no longer than its font size along the baseline. */
function slantedPieces(glyphs: Placed[]): Box[] {
  const pieces: Box[] = [];
  let start = 0;
  for (let i = 1; i <= glyphs.length; i++) {
    if (i < glyphs.length && glyphs[i]!.to - glyphs[start]!.from <= glyphs[start]!.glyph.size) continue;
    const corners = glyphs.slice(start, i).flatMap((p) => p.glyph.corners);
    const xs = corners.filter((_, k) => k % 2 === 0);
    const ys = corners.filter((_, k) => k % 2 === 1);
    const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
    pieces.push({ x: round(x0), y: round(y0), width: round(Math.max(...xs) - x0), height: round(Math.max(...ys) - y0) });
    start = i;
  }
  return pieces;
}
