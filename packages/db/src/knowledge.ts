import type { Queryable } from './database.js';

/** What one read document taught the dossier of its batch, as the detector serialises it. */
export interface LearnedDocument<K> {
  documentId: string;
  knowledge: K;
}

/** Stores what a document teaches its batch; a second call for the same document (a retried
 * job) keeps the first. */
export async function saveKnowledge<K>(q: Queryable, batchId: string, documentId: string, knowledge: K): Promise<void> {
  await q.query('INSERT INTO batch_knowledge (batch_id, document_id, knowledge) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    batchId,
    documentId,
    JSON.stringify(knowledge),
  ]);
}

/** Everything the batch's documents taught, in document order (the CLI learns in file order). */
export async function loadBatchKnowledge<K>(q: Queryable, batchId: string): Promise<Array<LearnedDocument<K>>> {
  const { rows } = await q.query<{ document_id: string; knowledge: K }>(
    `SELECT k.document_id, k.knowledge FROM batch_knowledge k JOIN documents d ON d.id = k.document_id
     WHERE k.batch_id = $1 ORDER BY d.number`,
    [batchId],
  );
  return rows.map((r) => ({ documentId: r.document_id, knowledge: r.knowledge }));
}
