import { CATEGORY_LABELS } from '@woo/core';
import type { DocumentStatus, RedactionStatus } from './types.js';

export const DOCUMENT_STATUS: Record<DocumentStatus, string> = {
  queued: 'in de wachtrij',
  extracting: 'wordt gelezen',
  ocr: 'tekstherkenning',
  detecting: 'zoekt persoonsgegevens',
  in_review: 'in beoordeling',
  exporting: 'wordt geëxporteerd',
  exported: 'geëxporteerd',
  failed: 'mislukt',
};

export const REDACTION_STATUS: Record<RedactionStatus, string> = {
  suggested: 'open',
  accepted: 'gelakt',
  rejected: 'niet gelakt',
  manual: 'handmatig gelakt',
};

/** A category's Dutch label (the detector's own categories, from @woo/core). */
export function categoryLabel(category: string): string {
  return (CATEGORY_LABELS as Record<string, string>)[category] ?? category;
}

export function dateNl(iso: string): string {
  return new Date(iso).toLocaleString('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });
}
