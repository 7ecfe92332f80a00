import { isApplied, type Redaction } from '@woo/core';

/** One row of the inventarislijst: what the Woo decision says about one document. */
export interface InventoryRow {
  number: number;
  fileName: string;
  pages: number;
  redactions: readonly Redaction[];
  /** Set when the document could not be processed. */
  error?: string;
  /** What a person must still check (parts not read with confidence, hidden text left out). */
  remark?: string;
  /** Set for an attachment (or archive member): the family it belongs to. */
  family?: DocumentFamily;
}

/** A message with its attachments, or an archive with its files: documents that belong together.
 * `position` 0 is the file that was handed in; its attachments follow, depth first. */
export interface DocumentFamily {
  id: string;
  position: number;
  /** Inventory number of the message this document is attached to. */
  parentNumber?: number;
}

export type Decision = 'Openbaar' | 'Deels openbaar' | 'Niet openbaar' | 'Niet verwerkt';

export function decisionOf(row: InventoryRow): Decision {
  if (row.error !== undefined) return 'Niet verwerkt';
  return row.redactions.some(isApplied) ? 'Deels openbaar' : 'Openbaar';
}

const HEADER = ['Nr.', 'Documentnaam', "Pagina's", 'Beoordeling', 'Weigeringsgronden', 'Aantal lakkingen', 'Opmerking'];

/** The inventory as CSV the way Dutch spreadsheet software opens it: UTF-8 with BOM,
 * semicolon-separated, CRLF line ends. */
export function inventoryCsv(rows: readonly InventoryRow[]): string {
  const lines = [HEADER, ...rows.map(inventoryFields)].map((fields) => fields.map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function inventoryFields(row: InventoryRow): string[] {
  const applied = row.redactions.filter(isApplied);
  const grounds = [...new Set(applied.map((r) => r.ground))].sort();
  return [
    String(row.number),
    row.fileName,
    String(row.pages),
    decisionOf(row),
    grounds.join(', '),
    String(applied.length),
    [row.family?.parentNumber === undefined ? '' : `Bijlage bij ${row.family.parentNumber}`, row.error ?? row.remark ?? ''].filter(Boolean).join('. '),
  ];
}

function csvField(value: string): string {
  // a leading =, +, - or @ would be run as a formula by spreadsheet software
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
