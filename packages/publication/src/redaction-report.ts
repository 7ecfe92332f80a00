import { CATEGORY_LABELS, groundByCode, type Redaction } from '@woo/core';
import type { DocumentFamily } from './inventory.js';
import type { OcrPageSummary } from './ocr-pages.js';
import type { ReadingFinding } from './reading-findings.js';

/* The confidential redaction report of one document: what the CLI writes as
 * vertrouwelijk/<name>.redactions.json and the review service serves as rapport.json. One
 * builder, so both say the same. */

export const CONFIDENTIAL_NOTICE =
  'VERTROUWELIJK: dit verslag bevat de gelakte persoonsgegevens zelf. Niet openbaar maken en niet meesturen met het Woo-besluit.';

/** A page of this document that nearly equals a page of an earlier one. */
export interface NearDuplicatePage {
  page: number;
  ofDocument: number;
  ofPage: number;
  /** Jaccard similarity of the two pages' word trigrams, 0..1. */
  similarity: number;
}

/** Who decided on a redaction, where the service records it (the CLI decides by policy). */
export interface DecidedRedaction extends Redaction {
  decidedBy?: string | null;
  decidedAt?: string | null;
}

/** The machine-readable redaction report. */
export interface RedactionReport {
  vertrouwelijk: string;
  document: string;
  pages: number;
  generatedAt: string;
  /** Pages read by OCR with their confidence; a low one means a reviewer should read the page. */
  ocrPages: OcrPageSummary[];
  /** How the document was read, for the reviewer: hidden text left out, parts that could not be
   * read with confidence. */
  findings: ReadingFinding[];
  /** Which pages kept their own content with the redactions applied inside it (vector), and which
   * were rebuilt from their rendering (raster: scans, pages that could not be proven clean, pages
   * the verifier rejected as vector). Absent where the export did not record it (the service). */
  exportedPages?: { vector: number[]; raster: number[] };
  /** Suggestions left open for a reviewer (weak hints): listed below, not blacked out. */
  openSuggestions: number;
  /** Number (in the inventory) of the earlier document with the same text on every page. */
  duplicateOf?: number;
  /** Pages that nearly equal a page of an earlier document (an e-mail thread quoted again). */
  nearDuplicatePages?: NearDuplicatePage[];
  redactions: Array<DecidedRedaction & { categoryLabel: string; groundDescription: string }>;
  /** Set when the document was converted (e-mail, Office, archive member): its source format,
   * what was hidden in the source and made visible, and its family. */
  conversion?: ConversionReport;
}

export interface ConversionReport {
  sourceKind: string;
  /** Dutch: hidden sheets, rows, columns, text, comments, tracked changes shown; links not fetched. */
  unhidden: string[];
  family?: DocumentFamily;
  /** The mail thread (a hash of its root Message-ID, @woo/convert mail/thread.ts). */
  threadId?: string;
  /** The date the message was sent (YYYY-MM-DD), for the message and its attachments. */
  date?: string;
}

export interface RedactionReportInput {
  pages: number;
  ocrPages: OcrPageSummary[];
  findings: ReadingFinding[];
  redactions: readonly DecidedRedaction[];
  /** How each page was exported (index = page number - 1), where known. */
  pageMethods?: readonly ('vector' | 'raster')[];
  duplicates?: { duplicateOf?: number; nearDuplicatePages: NearDuplicatePage[] };
}

/** `document` is the original's name: the report is confidential, so it may name it. */
export function redactionReport(document: string, { pages, ocrPages, findings, redactions, pageMethods, duplicates }: RedactionReportInput, now = new Date()): RedactionReport {
  return {
    vertrouwelijk: CONFIDENTIAL_NOTICE,
    document,
    pages,
    generatedAt: now.toISOString(),
    ocrPages,
    findings,
    ...(pageMethods
      ? {
          exportedPages: {
            vector: pageMethods.flatMap((m, i) => (m === 'vector' ? [i + 1] : [])),
            raster: pageMethods.flatMap((m, i) => (m === 'raster' ? [i + 1] : [])),
          },
        }
      : {}),
    openSuggestions: redactions.filter((r) => r.status === 'suggested').length,
    ...(duplicates?.duplicateOf !== undefined ? { duplicateOf: duplicates.duplicateOf } : {}),
    ...(duplicates?.nearDuplicatePages.length ? { nearDuplicatePages: duplicates.nearDuplicatePages } : {}),
    redactions: redactions.map((r) => ({
      ...r,
      boxes: r.boxes.map((b) => ({ x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) })),
      categoryLabel: CATEGORY_LABELS[r.category],
      groundDescription: groundByCode(r.ground).description,
    })),
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
