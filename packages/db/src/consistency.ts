import { randomUUID } from 'node:crypto';
import type { Redaction } from '@woo/core';
import {
  checkConsistency,
  documentView,
  entityKey,
  findDuplicates,
  locateAll,
  overlapsAny,
  type DocumentView,
  type DuplicateFinding,
  type Inconsistency,
} from '@woo/dossier';
import { appendAudit, type Actor } from './audit.js';
import type { Database, Queryable } from './database.js';
import { loadExtractedDocument } from './pages.js';
import { insertRedactions, listRedactions, reopenIfExported, type RedactionRecord } from './redactions.js';

/** How the export would treat the redactions (the export policy), so the check sees what the
 * published documents will show. */
export type AsExported = (redactions: readonly Redaction[]) => Redaction[];

interface ViewDocument {
  id: string;
  number: number;
  filename: string;
}

/** The documents of a batch that have been detected, as the dossier checks see them. */
async function batchViews(q: Queryable, batchId: string, asExported: AsExported): Promise<Array<{ doc: ViewDocument; view: DocumentView }>> {
  const { rows } = await q.query<ViewDocument>(
    `SELECT id, number, filename FROM documents WHERE batch_id = $1 AND status IN ('in_review', 'exporting', 'exported') ORDER BY number`,
    [batchId],
  );
  const views = [];
  for (const doc of rows) {
    const extracted = await loadExtractedDocument(q, doc.id);
    views.push({ doc, view: documentView(doc.number, doc.filename, extracted, asExported(await listRedactions(q, doc.id))) });
  }
  return views;
}

export async function listAllowances(q: Queryable, batchId: string): Promise<Array<{ key: string; reason: string; allowedBy: string; allowedAt: string }>> {
  const { rows } = await q.query<{ entity_key: string; reason: string; allowed_by: string; allowed_at: Date | string }>(
    'SELECT * FROM consistency_allowances WHERE batch_id = $1 ORDER BY allowed_at',
    [batchId],
  );
  return rows.map((r) => ({ key: r.entity_key, reason: r.reason, allowedBy: r.allowed_by, allowedAt: new Date(r.allowed_at).toISOString() }));
}

/** Every string blacked out in one document of the batch and readable in another, leaving out
 * what was explicitly allowed. */
export async function batchInconsistencies(q: Queryable, batchId: string, asExported: AsExported): Promise<Inconsistency[]> {
  const allowed = new Set((await listAllowances(q, batchId)).map((a) => a.key));
  return checkConsistency((await batchViews(q, batchId, asExported)).map((v) => v.view), allowed);
}

/** Records that `text` may stay readable where it is not redacted (audited, with the reason).
 * False when it was allowed before. */
export async function allowInconsistency(db: Database, batchId: string, text: string, reason: string, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const key = entityKey(text);
    const { rowCount } = await tx.query(
      `INSERT INTO consistency_allowances (batch_id, entity_key, reason, allowed_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [batchId, key, reason, actor.name],
    );
    if (rowCount === 1) await appendAudit(tx, actor, { action: 'consistency.allowed', batchId, details: { text, key, reason } });
    return rowCount === 1;
  });
}

export interface BatchDuplicate extends DuplicateFinding {
  documentId: string;
  number: number;
}

/** Exact duplicates and near-duplicate pages of the batch's detected documents, by page text. */
export async function batchDuplicates(q: Queryable, batchId: string): Promise<BatchDuplicate[]> {
  const views = await batchViews(q, batchId, (r) => [...r]);
  const found = findDuplicates(views.map(({ view }) => ({ number: view.number, pages: view.pages.map((p) => p.text) })));
  return views
    .map(({ doc }) => ({ documentId: doc.id, number: doc.number, ...found.get(doc.number)! }))
    .filter((d) => d.duplicateOf !== undefined || d.nearDuplicatePages.length > 0);
}

const DECIDED = new Set(['accepted', 'rejected']);

/** Carries the decisions of one page over to its duplicate: a suggestion still open there takes
 * the decision of the same string (and category) on the original page; what a reviewer added
 * on the original is added where the same words stand. Returns how many redactions changed. */
async function inheritPage(tx: Queryable, from: RedactionRecord[], to: RedactionRecord[], target: { documentId: string; page: number }, actorName: string): Promise<number> {
  const decided = new Map(from.filter((r) => DECIDED.has(r.status)).map((r) => [`${r.category}\u0000${entityKey(r.text)}`, r]));
  let changed = 0;
  for (const r of to.filter((x) => x.page === target.page && x.status === 'suggested')) {
    const decision = decided.get(`${r.category}\u0000${entityKey(r.text)}`);
    if (!decision) continue;
    await tx.query('UPDATE redactions SET status = $2::redaction_status, ground = $3, decided_by = $4, decided_at = now() WHERE id = $1', [r.id, decision.status, decision.ground, actorName]);
    changed++;
  }
  const own = from.filter((r) => r.origin === 'reviewer' && (r.status === 'manual' || r.status === 'accepted') && r.text.trim());
  if (own.length) {
    const doc = await loadExtractedDocument(tx, target.documentId);
    const page = { pages: doc.pages.filter((p) => p.number === target.page) };
    const present = to.filter((x) => x.page === target.page && (x.status === 'manual' || x.status === 'accepted'));
    const additions: Redaction[] = [];
    for (const r of own) {
      for (const o of locateAll(page, [r.text])) {
        if (overlapsAny([...present, ...additions], o.page, o.boxes)) continue;
        additions.push({ ...r, id: randomUUID(), page: o.page, boxes: o.boxes, text: o.text, explanation: `${r.explanation} (overgenomen van het origineel)` });
      }
    }
    await insertRedactions(tx, target.documentId, 'reviewer', additions);
    changed += additions.length;
  }
  return changed;
}

/** A duplicate inherits the decisions of its original: whole documents for exact duplicates,
 * page by page for near-duplicate pages. Run before a batch is exported; audited per document. */
export async function inheritDuplicateDecisions(db: Database, batchId: string, actor: Actor): Promise<number> {
  const duplicates = await batchDuplicates(db, batchId);
  if (!duplicates.length) return 0;
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; number: number }>('SELECT id, number FROM documents WHERE batch_id = $1', [batchId]);
    const idOf = new Map(rows.map((r) => [r.number, r.id]));
    let total = 0;
    for (const d of duplicates) {
      const pairs =
        d.duplicateOf !== undefined
          ? (await loadExtractedDocument(tx, d.documentId)).pages.map((p) => ({ page: p.number, ofDocument: d.duplicateOf!, ofPage: p.number }))
          : d.nearDuplicatePages;
      const to = await listRedactions(tx, d.documentId);
      let changed = 0;
      for (const pair of pairs) {
        const from = (await listRedactions(tx, idOf.get(pair.ofDocument)!)).filter((r) => r.page === pair.ofPage).map((r) => ({ ...r, page: pair.page }));
        changed += await inheritPage(tx, from, to, { documentId: d.documentId, page: pair.page }, actor.name);
      }
      if (!changed) continue;
      await reopenIfExported(tx, d.documentId);
      await appendAudit(tx, actor, { action: 'duplicate.inherited', batchId, documentId: d.documentId, details: { duplicateOf: d.duplicateOf ?? null, pages: pairs, changed } });
      total += changed;
    }
    return total;
  });
}
