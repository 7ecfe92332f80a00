import { appendAudit, type Actor } from './audit.js';
import type { Database } from './database.js';
import { CONVERTED_KINDS, type DocumentStatus } from './documents.js';
import { ConflictError } from './errors.js';

/** Where a retried document goes on: the stage after the last one whose result is kept. */
export type RetryStage = Extract<DocumentStatus, 'queued' | 'ocr' | 'detecting' | 'in_review'>;

/**
 * Takes a failed document back to the stage after its last good one: in review when detection
 * had finished (it failed at export), OCR when extracted pages still need it, detection when all
 * pages are read, else from the start ('queued': conversion first when it has no working PDF
 * yet). Audited as `document.retried`. Throws a ConflictError (Dutch) for a document that did not
 * fail, or whose file was never stored.
 */
export async function retryDocument(db: Database, id: string, actor: Actor): Promise<RetryStage> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ status: DocumentStatus; batch_id: string; original_key: string | null; error_message: string | null; convertible: boolean }>(
      // an uploaded file whose conversion failed (a timeout, a crash) is converted again from its
      // source, unless attachments of it were recorded already; an attachment is not (it exists
      // only as part of its message's conversion)
      `SELECT status, batch_id, original_key, error_message,
              (source_key IS NOT NULL AND kind = ANY($2::text[]) AND family_id IS NULL) AS convertible
       FROM documents d WHERE id = $1 FOR UPDATE`,
      [id, [...CONVERTED_KINDS]],
    );
    const doc = rows[0];
    if (!doc) throw new ConflictError('Dit document bestaat niet meer.');
    if (doc.status !== 'failed') throw new ConflictError(`Alleen een niet-verwerkt document kan opnieuw worden verwerkt; dit document heeft status '${doc.status}'.`);
    if (!doc.original_key && !doc.convertible) throw new ConflictError('Dit bestand is bij de upload geweigerd en niet bewaard; upload het opnieuw.');
    const { rows: state } = await tx.query<{ detected: boolean; pages: number; unread: number }>(
      `SELECT EXISTS (SELECT 1 FROM audit_log WHERE document_id = $1 AND action = 'document.detected') AS detected,
              (SELECT count(*)::int FROM pages WHERE document_id = $1) AS pages,
              (SELECT count(*)::int FROM pages WHERE document_id = $1 AND needs_ocr) AS unread`,
      [id],
    );
    const { detected, pages, unread } = state[0]!;
    const stage: RetryStage = detected ? 'in_review' : pages === 0 ? 'queued' : unread > 0 ? 'ocr' : 'detecting';
    await tx.query("UPDATE documents SET status = $2, error_code = NULL, error_message = NULL, updated_at = now() WHERE id = $1", [id, stage]);
    await appendAudit(tx, actor, { action: 'document.retried', batchId: doc.batch_id, documentId: id, details: { stage, error: doc.error_message } });
    return stage;
  });
}
