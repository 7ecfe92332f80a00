import { CATEGORY_LABELS, groundByCode, type Redaction } from '@woo/core';

export const CONFIDENTIAL_NOTICE =
  'VERTROUWELIJK: dit verslag bevat de gelakte persoonsgegevens zelf. Niet openbaar maken en niet meesturen met het Woo-besluit.';

/** The machine-readable redaction report written next to every redacted PDF. */
export interface RedactionReport {
  vertrouwelijk: string;
  document: string;
  pages: number;
  generatedAt: string;
  redactions: Array<Redaction & { categoryLabel: string; groundDescription: string }>;
}

export function redactionReport(document: string, pages: number, redactions: readonly Redaction[], now = new Date()): RedactionReport {
  return {
    vertrouwelijk: CONFIDENTIAL_NOTICE,
    document,
    pages,
    generatedAt: now.toISOString(),
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
