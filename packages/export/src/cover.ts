import { isApplied, type Box, type Redaction, type Word } from '@woo/core';

/** A box is only considered to hit a word when it covers a real part of the word's height:
 * boxes on the line above or below, whose ascent/descent boxes graze the word, do not count. */
const MIN_VERTICAL_OVERLAP = 0.25;
/** Character edges and the boxes made from them share coordinates; a glyph that ends exactly
 * where a box starts is outside it. */
const EDGE_EPSILON = 0.01;

export function hits(box: Box, word: Box): boolean {
  const dx = Math.min(box.x + box.width, word.x + word.width) - Math.max(box.x, word.x);
  const dy = Math.min(box.y + box.height, word.y + word.height) - Math.max(box.y, word.y);
  return dx > EDGE_EPSILON && dy > MIN_VERTICAL_OVERLAP * Math.min(box.height, word.height);
}

/** The part of a word that may stay searchable. */
export interface Fragment {
  text: string;
  x0: number;
  x1: number;
}

/** What of `word` survives `boxes`: the whole word when no box hits it, otherwise only the runs of
 * characters whose [charEdges] range lies completely outside every box that hits it (so "(" and
 * "@amsterdam.nl)" survive a box over the local part of an e-mail address, and nothing else). */
export function keptFragments(word: Word, boxes: readonly Box[]): Fragment[] {
  const hitting = boxes.filter((b) => hits(b, word.box));
  if (!hitting.length) return [{ text: word.text, x0: word.box.x, x1: word.box.x + word.box.width }];
  const out: Fragment[] = [];
  let current: Fragment | undefined;
  let i = 0;
  for (const ch of word.text) {
    // iterate by code point so a surrogate pair is never split between kept and dropped
    const x0 = word.charEdges[i] ?? word.box.x;
    const x1 = word.charEdges[i + ch.length] ?? word.box.x + word.box.width;
    i += ch.length;
    const outside = hitting.every((b) => x1 <= b.x + EDGE_EPSILON || x0 >= b.x + b.width - EDGE_EPSILON);
    if (outside) {
      if (current) {
        current.text += ch;
        current.x1 = x1;
      } else {
        current = { text: ch, x0, x1 };
        out.push(current);
      }
    } else {
      current = undefined;
    }
  }
  return out;
}

/** One box of an applied redaction. */
export interface PlacedBox {
  box: Box;
  redaction: Redaction;
}

/** Boxes of the applied redactions, per 1-based page number. */
export function appliedBoxesByPage(redactions: readonly Redaction[]): Map<number, PlacedBox[]> {
  const byPage = new Map<number, PlacedBox[]>();
  for (const r of redactions) {
    if (!isApplied(r)) continue;
    const list = byPage.get(r.page) ?? [];
    for (const box of r.boxes) list.push({ box, redaction: r });
    byPage.set(r.page, list);
  }
  return byPage;
}
