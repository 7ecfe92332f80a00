import { CATEGORY_LABELS, groundByCode, type Redaction } from '@woo/core';
import type { DuplicateFinding } from '@woo/dossier';
import type { OcrPageSummary } from './ocr-review.js';
import type { DocumentFamily, ReadingFinding } from '@woo/publication';
import type { ProcessedDocument } from './process-document.js';

export const CONFIDENTIAL_NOTICE =
  'VERTROUWELIJK: dit verslag bevat de gelakte persoonsgegevens zelf. Niet openbaar maken en niet meesturen met het Woo-besluit.';

/** The machine-readable redaction report written next to every redacted PDF. */
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
   * the verifier rejected as vector). */
  exportedPages: { vector: number[]; raster: number[] };
  /** Suggestions left open for a reviewer (weak hints): listed below, not blacked out. */
  openSuggestions: number;
  /** Number (in the inventory) of the earlier document with the same text on every page. */
  duplicateOf?: number;
  /** Pages that nearly equal a page of an earlier document (an e-mail thread quoted again). */
  nearDuplicatePages?: DuplicateFinding['nearDuplicatePages'];
  redactions: Array<Redaction & { categoryLabel: string; groundDescription: string }>;
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
}

export function redactionReport(
  document: string,
  { pages, ocrPages, findings, redactions, pageMethods, duplicates }: Pick<ProcessedDocument, 'pages' | 'ocrPages' | 'findings' | 'redactions' | 'pageMethods'> & { duplicates?: DuplicateFinding },
  now = new Date(),
): RedactionReport {
  return {
    vertrouwelijk: CONFIDENTIAL_NOTICE,
    document,
    pages,
    generatedAt: now.toISOString(),
    ocrPages,
    findings,
    exportedPages: {
      vector: pageMethods.flatMap((m, i) => (m === 'vector' ? [i + 1] : [])),
      raster: pageMethods.flatMap((m, i) => (m === 'raster' ? [i + 1] : [])),
    },
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
