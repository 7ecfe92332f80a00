import { boxesOverlap, buildTextIndex, spanBoxes, type Box, type ExtractedDocument, type Page } from '@woo/core';
import type { ManualRedaction } from '@woo/db';

/** Every occurrence of `text` in the document, placed on its page(s) the way the detector places
 * its findings. Case-insensitive, and any run of whitespace in `text` matches any line break,
 * tab or space in the document, so a name broken over two lines is still found. */
export function findOccurrences(doc: ExtractedDocument, text: string): ManualRedaction[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'giu');
  const index = buildTextIndex(doc.pages);
  const found: ManualRedaction[] = [];
  for (const match of index.text.matchAll(pattern)) {
    for (const part of spanBoxes(index, doc.pages, match.index, match.index + match[0].length)) {
      if (part.boxes.length) found.push({ page: part.page, boxes: part.boxes, text: match[0].replace(/\s+/g, ' ') });
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
