import type { Actor } from './audit.js';
import type { Database, Queryable } from './database.js';
import { getDocuments, insertDocument, type DocumentRecord, type NewDocument } from './documents.js';

/** An upload that would take its batch past MAX_DOCUMENTS_PER_BATCH; nothing of it was recorded. */
export class BatchFullError extends Error {
  constructor(readonly maxDocuments: number) {
    super(`Deze batch mag hooguit ${maxDocuments.toLocaleString('nl-NL')} documenten bevatten (MAX_DOCUMENTS_PER_BATCH); er is niets van deze upload opgeslagen. Begin een nieuwe batch voor de overige documenten.`);
    this.name = 'BatchFullError';
  }
}

/** Who sent an upload, and the Idempotency-Key it carried. */
export interface UploadKey {
  batchId: string;
  tokenId: string;
  key: string;
}

/** The documents of an earlier upload with this key; undefined when there was none. */
export async function findUpload(q: Queryable, upload: UploadKey): Promise<DocumentRecord[] | undefined> {
  const { rows } = await q.query<{ document_ids: string[] }>(
    'SELECT document_ids FROM upload_requests WHERE batch_id = $1 AND token_id = $2 AND idempotency_key = $3',
    [upload.batchId, upload.tokenId, upload.key],
  );
  return rows[0] && getDocuments(q, rows[0].document_ids);
}

/**
 * Records the files of one upload request together: all or none. With a key, a request that
 * comes second (also while the first is still being recorded: the key's row makes it wait)
 * records nothing and gets the first request's documents, with `replayed` set.
 */
export async function recordUpload(
  db: Database,
  docs: readonly NewDocument[],
  actor: Actor,
  upload?: UploadKey,
  maxDocuments = Number.POSITIVE_INFINITY,
): Promise<{ documents: DocumentRecord[]; replayed: boolean }> {
  return db.transaction(async (tx) => {
    if (upload) {
      const { rows } = await tx.query(
        'INSERT INTO upload_requests (batch_id, token_id, idempotency_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
        [upload.batchId, upload.tokenId, upload.key],
      );
      if (!rows.length) return { documents: (await findUpload(tx, upload)) ?? [], replayed: true };
    }
    const documents: DocumentRecord[] = [];
    for (const doc of docs) documents.push(await insertDocument(tx, doc, actor));
    // numbers count up per batch under the batch row's lock: the last one is the batch's size
    if ((documents.at(-1)?.number ?? 0) > maxDocuments) throw new BatchFullError(maxDocuments);
    if (upload) {
      await tx.query('UPDATE upload_requests SET document_ids = $4 WHERE batch_id = $1 AND token_id = $2 AND idempotency_key = $3', [
        upload.batchId,
        upload.tokenId,
        upload.key,
        documents.map((d) => d.id),
      ]);
    }
    return { documents, replayed: false };
  });
}
