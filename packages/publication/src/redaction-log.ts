import { CATEGORY_LABELS, groundByCode, isApplied, type Redaction } from '@woo/core';
import { toCsv } from './csv.js';
import { groundsOf } from './grounds.js';

const COLUMNS = ['Lakking', 'Pagina', 'Soort gegeven', 'Weigeringsgrond', 'Omschrijving grond'];

/** The public redaction log of one document: where each box is and why, never what it hides
 * (no text, no box geometry that would give the length away). */
export function redactionLogCsv(redactions: readonly Redaction[]): string {
  const applied = redactions.filter(isApplied).sort((a, b) => a.page - b.page);
  const rows = applied.map((r, i) => {
    const grounds = groundsOf(r);
    return [
      String(i + 1),
      String(r.page),
      CATEGORY_LABELS[r.category],
      grounds.join('; '),
      grounds.map((g) => groundByCode(g).description).join('; '),
    ];
  });
  return toCsv(COLUMNS, rows);
}
