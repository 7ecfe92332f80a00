import { isApplied, type Redaction } from '@woo/core';
import { countByGround, countsText, groundsText } from './grounds.js';
import { toCsv } from './csv.js';

/** The judgement on a document in the Woo decision. */
export type Judgement = 'openbaar' | 'deels openbaar' | 'niet openbaar' | 'reeds openbaar';

/** How far the processing got, kept apart from the judgement: a document that could not be
 * processed has no judgement yet. */
export type ProcessingStatus = 'verwerkt' | 'nog te beoordelen' | 'niet verwerkt';

/** One document (or attachment) of a batch, as the inventarislijst describes it. */
export interface InventoryEntry {
  number: number;
  /** Stable id of the document within the organisation (never its file name). */
  documentId: string;
  /** Neutral title: never taken from removed text. */
  title: string;
  /** Date of the document (YYYY-MM-DD) when known. */
  date?: string;
  pages: number;
  /** Every redaction of the document, decided or not: open suggestions are counted as open items. */
  redactions: readonly Redaction[];
  /** Set by a reviewer when the whole document is withheld or already public. */
  judgement?: Extract<Judgement, 'niet openbaar' | 'reeds openbaar'>;
  /** Set when the document could not be processed (Dutch, never quotes document text). */
  error?: string;
  /** What else the reader should know about how the document was read (findingsRemark of the
   * hidden-text findings: hidden text left out). */
  readingRemark?: string;
  /** Pages flagged for a reviewer's eye (read with low confidence, parts that could not be read). */
  pagesToReview?: readonly number[];
  /** File name of the published PDF in openbaar/ (absent when nothing was published). */
  publishedFile?: string;
  /** Number of the document this one duplicates. */
  duplicateOf?: number;
  /** E-mail with its attachments: one family id, and the position within it. */
  familyId?: string;
  /** Number of the message (or archive) this document is attached to. */
  parentNumber?: number;
  threadId?: string;
}

/** A message with its attachments, or an archive with its files: documents that belong together.
 * `position` 0 is the file that was handed in; its attachments follow, depth first. */
export interface DocumentFamily {
  id: string;
  position: number;
  /** Inventory number of the message this document is attached to. */
  parentNumber?: number;
}

export function statusOf(entry: InventoryEntry): ProcessingStatus {
  if (entry.error !== undefined) return 'niet verwerkt';
  return openSuggestions(entry) > 0 || (entry.pagesToReview?.length ?? 0) > 0 ? 'nog te beoordelen' : 'verwerkt';
}

/** The judgement, or undefined while the document is not processed. */
export function judgementOf(entry: InventoryEntry): Judgement | undefined {
  if (entry.error !== undefined) return undefined;
  if (entry.judgement) return entry.judgement;
  return entry.redactions.some(isApplied) ? 'deels openbaar' : 'openbaar';
}

export function openSuggestions(entry: InventoryEntry): number {
  return entry.redactions.filter((r) => r.status === 'suggested').length;
}

/** The remark for the reader: the processing error, or what is still open. A document with open
 * items always gets one, so it is never listed as plainly "openbaar". */
export function remarkOf(entry: InventoryEntry): string {
  const parts: string[] = [];
  if (entry.parentNumber !== undefined) parts.push(`bijlage bij ${entry.parentNumber}`);
  if (entry.error !== undefined) return [...parts, entry.error].map(capital).join('. ');
  const open = openSuggestions(entry);
  if (open) parts.push(`${open === 1 ? '1 voorstel' : `${open} voorstellen`} tot lakken nog niet beoordeeld`);
  const review = entry.pagesToReview ?? [];
  if (review.length) parts.push(`${review.length === 1 ? `pagina ${review[0]}` : `pagina's ${review.join(', ')}`} gemarkeerd voor controle: niet alles met zekerheid gelezen`);
  if (entry.readingRemark) parts.push(entry.readingRemark);
  return parts.map(capital).join('. ');
}

const capital = (p: string) => p[0]!.toUpperCase() + p.slice(1);

export const INVENTORY_COLUMNS = [
  'Nr.',
  'Document-ID',
  'Familie-ID',
  'Thread-ID',
  'Datum',
  'Titel',
  "Pagina's",
  'Beoordeling',
  'Verwerkingsstatus',
  'Weigeringsgronden',
  'Lakkingen per grond',
  'Duplicaat van',
  'Opmerking',
  'Bestand',
] as const;

/** One row per entry, in the column order of INVENTORY_COLUMNS. */
export function inventoryRow(entry: InventoryEntry): string[] {
  const counts = countByGround(entry.redactions);
  return [
    String(entry.number),
    entry.documentId,
    entry.familyId ?? '',
    entry.threadId ?? '',
    entry.date ?? '',
    entry.title,
    String(entry.pages),
    judgementOf(entry) ?? '',
    statusOf(entry),
    groundsText(counts),
    countsText(counts),
    entry.duplicateOf === undefined ? '' : String(entry.duplicateOf),
    remarkOf(entry),
    entry.publishedFile ?? '',
  ];
}

export function inventoryCsv(entries: readonly InventoryEntry[]): string {
  return toCsv(INVENTORY_COLUMNS, entries.map(inventoryRow));
}

/** The same table as an Excel workbook (exceljs, loaded only when asked for). */
export async function inventoryXlsx(entries: readonly InventoryEntry[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'woo-redact';
  const sheet = book.addWorksheet('Inventarislijst', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = INVENTORY_COLUMNS.map((header) => ({ header, width: header === 'Opmerking' ? 60 : Math.max(12, header.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) {
    const row = inventoryRow(entry);
    // numbers as numbers, so the list sorts and sums in a spreadsheet; text stays text (no formulas)
    sheet.addRow(row.map((v, i) => (INVENTORY_COLUMNS[i] === 'Nr.' || INVENTORY_COLUMNS[i] === "Pagina's" ? Number(v) : v)));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: INVENTORY_COLUMNS.length } };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
