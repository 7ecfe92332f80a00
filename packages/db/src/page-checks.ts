import { appendAudit, type Actor } from './audit.js';
import type { Database, Queryable } from './database.js';

/** The pages of a document a reviewer marked as checked (the page checklist), in page order. */
export async function listCheckedPages(q: Queryable, documentId: string): Promise<number[]> {
  const { rows } = await q.query<{ page: number }>('SELECT page FROM page_checks WHERE document_id = $1 ORDER BY page', [documentId]);
  return rows.map((r) => r.page);
}

/** Marks a page as checked or unchecked, audited; marking it again changes nothing. */
export async function setPageChecked(db: Database, batchId: string, documentId: string, page: number, checked: boolean, actor: Actor): Promise<number[]> {
  return db.transaction(async (tx) => {
    const changed = checked
      ? await tx.query('INSERT INTO page_checks (document_id, page, checked_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING page', [documentId, page, actor.name])
      : await tx.query('DELETE FROM page_checks WHERE document_id = $1 AND page = $2 RETURNING page', [documentId, page]);
    if (changed.rows.length) await appendAudit(tx, actor, { action: checked ? 'page.checked' : 'page.unchecked', batchId, documentId, details: { page } });
    return listCheckedPages(tx, documentId);
  });
}
