import { boxesOverlap, buildTextIndex, spanBoxes, type Box, type ExtractedDocument } from '@woo/core';
import { wordPattern } from './text.js';

/** A stretch of a document where a string stands, placed the way the detector places findings. */
export interface Occurrence {
  page: number;
  boxes: Box[];
  text: string;
}

/** Every whole-word occurrence of any of `needles` in the document, with its boxes; where two
 * needles overlap ("Jan de Vries" and "De Vries"), the longer one is kept. */
export function locateAll(doc: ExtractedDocument, needles: readonly string[]): Occurrence[] {
  const index = buildTextIndex(doc.pages);
  const found: Occurrence[] = [];
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
    const pattern = wordPattern(needle);
    if (!pattern) continue;
    for (const m of index.text.matchAll(pattern)) {
      for (const part of spanBoxes(index, doc.pages, m.index, m.index + m[0].length)) {
        if (!part.boxes.length || overlapsAny(found, part.page, part.boxes)) continue;
        found.push({ page: part.page, boxes: part.boxes, text: m[0].replace(/\s+/g, ' ') });
      }
    }
  }
  return found;
}

/** True when `boxes` on `page` overlap a box of one of `items`. */
export function overlapsAny(items: ReadonlyArray<{ page: number; boxes: readonly Box[] }>, page: number, boxes: readonly Box[]): boolean {
  return items.some((o) => o.page === page && o.boxes.some((a) => boxes.some((b) => boxesOverlap(a, b))));
}
