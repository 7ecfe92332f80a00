import { boxesOverlap, buildTextIndex, spanBoxes, type Box, type ExtractedDocument, type Page } from '@woo/core';
import type { ManualRedaction } from '@woo/db';

/** A place where a searched text occurs: what a manual redaction of it covers, and the words
 * around it so a reviewer can judge the hit without opening the page. */
export interface Occurrence extends ManualRedaction {
  context: string;
}

const CONTEXT_CHARS = 40;
// letters, digits and combining marks (a decomposed "é" is one letter)
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** The pattern for `text` as whole words: case-insensitive, and any run of whitespace in `text`
 * matches any line break, tab or space in the document, so a name broken over two lines is still
 * found. "Jan" does not match inside "Jansen" or "Marijan"; an edge of `text` that is not a letter
 * or digit ("@gemeente.nl") may touch anything. */
export function wholeWordPattern(text: string): RegExp | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  const body = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const first = words[0]!.at(0)!;
  const last = words.at(-1)!.at(-1)!;
  const before = WORD_CHAR.test(first) ? '(?<![\\p{L}\\p{M}\\p{N}])' : '';
  const after = WORD_CHAR.test(last) ? '(?![\\p{L}\\p{M}\\p{N}])' : '';
  return new RegExp(`${before}${body}${after}`, 'giu');
}

/** About CONTEXT_CHARS characters either side of [start, end), in whole words. */
function contextAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  let slice = text.slice(from, to);
  // a word cut off at either edge is left out
  if (from > 0 && /\S/.test(text[from - 1]!)) slice = slice.replace(/^\S*/, '');
  if (to < text.length && /\S/.test(text[to]!)) slice = slice.replace(/\S*$/, '');
  return slice.replace(/\s+/g, ' ').trim();
}

/** Every occurrence of `text` as whole words in the document, placed on its page(s) the way the
 * detector places its findings. */
export function findOccurrences(doc: ExtractedDocument, text: string): Occurrence[] {
  const pattern = wholeWordPattern(text);
  if (!pattern) return [];
  const index = buildTextIndex(doc.pages);
  const found: Occurrence[] = [];
  for (const match of index.text.matchAll(pattern)) {
    const end = match.index + match[0].length;
    const context = contextAround(index.text, match.index, end);
    for (const part of spanBoxes(index, doc.pages, match.index, end)) {
      if (part.boxes.length) found.push({ page: part.page, boxes: part.boxes, text: match[0].replace(/\s+/g, ' '), context });
    }
  }
  return found;
}

function wordsTouched(page: Page, boxes: readonly Box[]) {
  return page.words.filter((w) => boxes.some((b) => boxesOverlap(w.box, b)));
}

/** The words a drawn box covers, for the audit log and the reviewer's list. */
export function wordsUnder(page: Page, boxes: readonly Box[]): string {
  return wordsTouched(page, boxes)
    .map((w) => w.text)
    .join(' ');
}

/** A drawn box snapped to the words it touches (each word's own box, so a word half covered is
 * covered whole); a box over no words stays as drawn. */
export function snapToWords(page: Page, boxes: readonly Box[]): Box[] {
  return boxes.flatMap((b) => {
    const words = wordsTouched(page, [b]);
    return words.length ? words.map((w) => w.box) : [b];
  });
}

/** Rounding in a client's page geometry is forgiven up to this much (PDF points). */
const TOLERANCE = 0.5;

/** The number (1-based) of the first box that is empty or not within the page, if any: such a
 * box is refused up front instead of failing the export later. */
export function boxOutsidePage(page: Pick<Page, 'width' | 'height'>, boxes: readonly Box[]): number | undefined {
  const index = boxes.findIndex(
    (b) => !(b.width > 0 && b.height > 0 && b.x >= -TOLERANCE && b.y >= -TOLERANCE && b.x + b.width <= page.width + TOLERANCE && b.y + b.height <= page.height + TOLERANCE),
  );
  return index === -1 ? undefined : index + 1;
}
