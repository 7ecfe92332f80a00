import { isPlaced, overlapShare, type Box, type ExtractedDocument, type Redaction } from '@woo/core';

/* A name in a form field or a comment is found twice: in the annotation's own text, whose box is
 * the whole row of its rectangle, and in the OCR reading of its painted appearance, with an exact
 * box. Where OCR read the same text there, the row box is dropped, so the rest of the comment stays
 * readable; where OCR missed or misread it, the row box stays and covers what is painted. */

/** A box this close to an annotation row is that row. */
const SAME_ROW = 0.9;
/** An exact box lying this much inside the row box is a reading of the same place. */
const INSIDE = 0.5;

const bare = (t: string) => t.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}@]+/gu, '');

export function dropAnnotationEchoes(doc: ExtractedDocument, redactions: readonly Redaction[]): Redaction[] {
  const rows = new Map<number, Box[]>();
  for (const page of doc.pages) rows.set(page.number, page.words.filter((w) => !isPlaced(w)).map((w) => w.box));
  const onRows = (r: Redaction) => {
    const pageRows = rows.get(r.page) ?? [];
    return pageRows.length > 0 && r.boxes.every((b) => pageRows.some((row) => overlapShare(b, row) >= SAME_ROW && overlapShare(row, b) >= SAME_ROW));
  };
  const fromRows = new Set(redactions.filter(onRows));
  return redactions.filter((r) => {
    if (!fromRows.has(r)) return true;
    const text = bare(r.text);
    const read = redactions.some(
      (other) =>
        !fromRows.has(other) &&
        other.page === r.page &&
        bare(other.text) === text &&
        other.boxes.every((b) => r.boxes.some((row) => overlapShare(b, row) >= INSIDE)),
    );
    return !read;
  });
}
