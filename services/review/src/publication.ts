import type { ExtractedDocument } from '@woo/core';
import { batchDuplicates, listBatchDocuments, listRedactions, loadExtractedDocument, type Database } from '@woo/db';
import { findingsRemark, neutralTitle, ocrPageSummaries, pagesToReview, publishedFileName, readingFindings, type InventoryEntry } from '@woo/publication';

/** OpenAPI tag of the public outputs (published PDF, inventory, DiWoo metadata, redaction log,
 * onderbouwingsrapport): none of them names removed text or an upload's file name. */
export const PUBLIC_TAG = 'openbaar';

/** Who may read the public outputs: the team, and the publisher, who may read nothing else. */
export const PUBLIC_READERS = ['coordinator', 'reviewer', 'publisher'] as const;

/** `Content-Disposition` for a public download: inventory numbers and neutral titles only, so the
 * name is plain ASCII. */
export function attachment(name: string): string {
  return `attachment; filename="${name}"`;
}

/** The 409 body for a public file of a document that has no current export. */
export function notExported(status: string) {
  return { statusCode: 409, error: 'Conflict', message: `Er is geen actuele gelakte versie: de status van het document is '${status}'.` };
}

/** The public file name of a document's redacted PDF: inventory number and neutral title, never
 * the upload's name (which can itself hold a name). */
export function publicFileName(number: number): string {
  return publishedFileName(number, neutralTitle(number));
}

/** The inventory entries of a batch, as the public outputs (inventarislijst, DiWoo) describe them. */
export async function batchEntries(db: Database, batchId: string): Promise<InventoryEntry[]> {
  const entries: InventoryEntry[] = [];
  const duplicates = new Map((await batchDuplicates(db, batchId)).map((d) => [d.documentId, d.duplicateOf]));
  const documents = await listBatchDocuments(db, batchId);
  const numbers = new Map(documents.map((d) => [d.id, d.number]));
  for (const d of documents) {
    const duplicateOf = duplicates.get(d.id);
    const parentNumber = d.family?.parentDocumentId ? numbers.get(d.family.parentDocumentId) : undefined;
    const base = {
      number: d.number,
      documentId: d.id,
      title: neutralTitle(d.number),
      pages: d.pageCount,
      ...(duplicateOf !== undefined ? { duplicateOf } : {}),
      // an e-mail with its attachments (or an archive with its files): ids and numbers only
      ...(d.family ? { familyId: d.family.id } : {}),
      ...(parentNumber !== undefined ? { parentNumber } : {}),
      ...(d.threadId ? { threadId: d.threadId } : {}),
      ...(d.documentDate ? { date: d.documentDate } : {}),
    };
    if (d.status === 'failed') {
      entries.push({ ...base, redactions: [], error: d.errorMessage ?? 'Niet verwerkt' });
      continue;
    }
    const extracted = await loadExtractedDocument(db, d.id);
    const findings = readingFindings(extracted);
    entries.push({
      ...base,
      redactions: await listRedactions(db, d.id),
      readingRemark: findingsRemark(findings.filter((f) => f.kind === 'hidden-text')),
      pagesToReview: pagesToReview(findings, lowConfidencePages(extracted)),
      ...(d.status === 'exported' ? { publishedFile: publicFileName(d.number) } : {}),
    });
  }
  return entries;
}

/** Pages OCR read with too little confidence to trust, as the CLI flags them for review. */
export function lowConfidencePages(doc: ExtractedDocument): number[] {
  return ocrPageSummaries(doc).flatMap((p) => (p.lowConfidence ? [p.page] : []));
}
