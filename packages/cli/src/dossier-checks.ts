import type { ExtractedDocument, Redaction } from '@woo/core';
import { checkConsistency, documentView, findDuplicates, pageTexts, type DocumentView, type DuplicateFinding, type Inconsistency } from '@woo/dossier';

/**
 * What the CLI learns about the batch as a whole while it runs: the page texts of every document
 * read (for duplicates, known once all are read) and a compact view of every document redacted
 * (for the consistency check at the end). Documents are keyed by their inventory number.
 */
export class DossierChecks {
  private readonly texts = new Map<number, string[]>();
  private readonly views = new Map<number, DocumentView>();
  private duplicatesFound?: Map<number, DuplicateFinding>;

  constructor(private readonly nameOf: (number: number) => string) {}

  read(number: number, doc: ExtractedDocument): void {
    this.texts.set(number, pageTexts(doc));
  }

  redacted(number: number, doc: ExtractedDocument, redactions: readonly Redaction[]): void {
    this.views.set(number, documentView(number, this.nameOf(number), doc, redactions));
  }

  /** Duplicates of the documents read; ask only once every document is read. */
  duplicates(number: number): DuplicateFinding | undefined {
    this.duplicatesFound ??= findDuplicates([...this.texts].map(([n, pages]) => ({ number: n, pages })));
    return this.duplicatesFound.get(number);
  }

  inconsistencies(): Inconsistency[] {
    return checkConsistency([...this.views.values()]);
  }
}
