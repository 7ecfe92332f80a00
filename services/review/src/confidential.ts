import { batchDuplicates, getBatch, listBatchDocuments, listRedactions, loadExtractedDocument, type Database, type DocumentRecord } from '@woo/db';
import {
  CONFIDENTIAL_NOTICE,
  ocrPageSummaries,
  pagesToReview,
  processedFile,
  processingTotals,
  readingFindings,
  redactionReport,
  type ProcessedFile,
  type ProcessingTotals,
  type RedactionReport,
} from '@woo/publication';
import { lowConfidencePages } from './publication.js';

/** OpenAPI tag of the confidential reports: they name what was removed and the originals' file
 * names, so only the team may read them, never the publisher. */
export const CONFIDENTIAL_TAG = 'vertrouwelijk';

/** Statuses in which a document has been read and detected: it has a redaction report. */
export const REPORTED = ['in_review', 'exporting', 'exported'] as const;

/** The confidential redaction report of a document, built as the CLI builds its
 * `<name>.redactions.json`, with who decided each redaction. */
export async function documentReport(db: Database, doc: DocumentRecord, now = new Date()): Promise<RedactionReport> {
  const extracted = await loadExtractedDocument(db, doc.id);
  const duplicates = (await batchDuplicates(db, doc.batchId)).find((d) => d.documentId === doc.id);
  return redactionReport(
    doc.filename,
    {
      pages: doc.pageCount,
      ocrPages: ocrPageSummaries(extracted),
      findings: readingFindings(extracted),
      redactions: await listRedactions(db, doc.id),
      ...(duplicates ? { duplicates } : {}),
    },
    now,
  );
}

export interface BatchProcessingLog extends ProcessingTotals {
  vertrouwelijk: string;
  batch: { id: string; name: string };
  generatedAt: string;
  results: ProcessedFile[];
}

/** The processing log of a batch, as the CLI writes vertrouwelijk/verwerkingslog.json. */
export async function batchProcessingLog(db: Database, batchId: string, now = new Date()): Promise<BatchProcessingLog | undefined> {
  const batch = await getBatch(db, batchId);
  if (!batch) return undefined;
  const duplicates = new Map((await batchDuplicates(db, batchId)).map((d) => [d.documentId, d.duplicateOf]));
  const results: ProcessedFile[] = [];
  for (const d of await listBatchDocuments(db, batchId)) {
    const extracted = await loadExtractedDocument(db, d.id);
    const findings = readingFindings(extracted);
    const duplicateOf = duplicates.get(d.id);
    results.push(
      processedFile({
        file: d.filename,
        number: d.number,
        status: d.status,
        pages: d.pageCount,
        redactions: await listRedactions(db, d.id),
        findings,
        ocrPages: ocrPageSummaries(extracted),
        pagesToReview: pagesToReview(findings, lowConfidencePages(extracted)),
        ...(duplicateOf !== undefined ? { duplicateOf } : {}),
        ...(d.status === 'failed' ? { error: { message: d.errorMessage ?? 'Niet verwerkt', code: d.errorCode } } : {}),
      }),
    );
  }
  return { vertrouwelijk: CONFIDENTIAL_NOTICE, batch: { id: batch.id, name: batch.name }, generatedAt: now.toISOString(), ...processingTotals(results), results };
}
