import { randomUUID } from 'node:crypto';
import type { Box, Category, GroundCode, Redaction, RedactionStatus } from '@woo/core';
import { appendAudit, appendAuditEntries, SYSTEM_ACTOR, type Actor } from './audit.js';
import { applyBatchRulesIn } from './batch-rules.js';
import type { Database, Queryable } from './database.js';
import { ConflictError } from './errors.js';

export interface RedactionRecord extends Redaction {
  documentId: string;
  /** Always present once stored (empty for one ground). */
  additionalGrounds: GroundCode[];
  origin: 'detector' | 'reviewer';
  decidedBy: string | null;
  decidedAt: string | null;
}

interface RedactionRow {
  id: string;
  document_id: string;
  origin: 'detector' | 'reviewer';
  page: number;
  boxes: Box[];
  text: string;
  category: Category;
  ground: GroundCode;
  additional_grounds: GroundCode[];
  confidence: number;
  detector: string;
  explanation: string;
  needs_review: boolean;
  status: RedactionStatus;
  decided_by: string | null;
  decided_at: Date | null;
}

function toRecord(r: RedactionRow): RedactionRecord {
  return {
    id: r.id,
    documentId: r.document_id,
    origin: r.origin,
    page: r.page,
    boxes: r.boxes,
    text: r.text,
    category: r.category,
    ground: r.ground,
    additionalGrounds: r.additional_grounds,
    confidence: r.confidence,
    detector: r.detector,
    explanation: r.explanation,
    needsReview: r.needs_review,
    status: r.status,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at && new Date(r.decided_at).toISOString(),
  };
}

/** Statuses in which reviewers may change decisions. Deciding on an exported document sends it
 * back to review: its export no longer matches the decisions. */
const DECIDABLE = ['in_review', 'exported'] as const;

async function lockDecidableDocument(tx: Queryable, documentId: string): Promise<{ batchId: string }> {
  const { rows } = await tx.query<{ status: string; batch_id: string }>(
    'SELECT status, batch_id FROM documents WHERE id = $1 FOR UPDATE',
    [documentId],
  );
  const doc = rows[0];
  if (!doc) throw new ConflictError('Het document bestaat niet.');
  if (!(DECIDABLE as readonly string[]).includes(doc.status)) {
    throw new ConflictError(`Het document kan nu niet worden beoordeeld: de status is '${doc.status}'. Wacht tot het in beoordeling (in_review) staat.`);
  }
  return { batchId: doc.batch_id };
}

/** After a change of decisions: an exported document's export no longer matches them. */
export async function reopenIfExported(tx: Queryable, documentId: string): Promise<void> {
  await tx.query(`UPDATE documents SET status = 'in_review', updated_at = now() WHERE id = $1 AND status = 'exported'`, [documentId]);
}

export async function insertRedactions(q: Queryable, documentId: string, origin: 'detector' | 'reviewer', items: readonly Redaction[]): Promise<void> {
  if (!items.length) return;
  await q.query(
    `INSERT INTO redactions (id, document_id, origin, page, boxes, text, category, ground, additional_grounds, confidence, detector, explanation, needs_review, status)
     SELECT r.id, $1, $2, r.page, r.boxes, r.text, r.category, r.ground,
       ARRAY(SELECT jsonb_array_elements_text(coalesce(r."additionalGrounds", '[]'::jsonb))), r.confidence, r.detector, r.explanation, r."needsReview", r.status::redaction_status
     FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, page int, boxes jsonb, text text, category text, ground text, "additionalGrounds" jsonb, confidence real,
       detector text, explanation text, "needsReview" boolean, status text)`,
    [documentId, origin, JSON.stringify(items)],
  );
}

/** Stores the detector's suggestions and puts the document in review, in one transaction that
 * replaces the suggestions of any earlier attempt: a retried detect job never duplicates them.
 * False when the document is not being detected (already done, or failed). */
export async function saveDetection(db: Database, documentId: string, suggestions: readonly Redaction[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ batch_id: string }>(
      `UPDATE documents SET status = 'in_review', updated_at = now() WHERE id = $1 AND status = 'detecting' RETURNING batch_id`,
      [documentId],
    );
    if (!rows[0]) return false;
    await tx.query(`DELETE FROM redactions WHERE document_id = $1 AND origin = 'detector'`, [documentId]);
    // the pipeline numbers redactions per run (r1, r2, ...); stored ones need ids unique everywhere
    await insertRedactions(tx, documentId, 'detector', suggestions.map((s) => ({ ...s, id: randomUUID() })));
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: 'document.detected',
      batchId: rows[0].batch_id,
      documentId,
      details: { suggestions: suggestions.length },
    });
    // decisions taken for the whole batch before this document was detected
    await applyBatchRulesIn(tx, rows[0].batch_id, documentId);
    return true;
  });
}

export async function listRedactions(q: Queryable, documentId: string): Promise<RedactionRecord[]> {
  const { rows } = await q.query<RedactionRow>('SELECT * FROM redactions WHERE document_id = $1 ORDER BY page, ordinal', [documentId]);
  return rows.map(toRecord);
}

export async function getRedaction(q: Queryable, id: string): Promise<RedactionRecord | undefined> {
  const { rows } = await q.query<RedactionRow>('SELECT * FROM redactions WHERE id = $1', [id]);
  return rows[0] && toRecord(rows[0]);
}

export type RedactionCounts = Record<RedactionStatus, number>;

export async function countRedactions(q: Queryable, documentId: string): Promise<RedactionCounts> {
  const { rows } = await q.query<{ status: RedactionStatus; n: number }>(
    'SELECT status, count(*)::int AS n FROM redactions WHERE document_id = $1 GROUP BY status',
    [documentId],
  );
  const counts: RedactionCounts = { suggested: 0, accepted: 0, rejected: 0, manual: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export interface Decision {
  /** `suggested` puts a decision back to open: how the review app undoes one. */
  status: 'accepted' | 'rejected' | 'suggested';
  ground?: GroundCode;
  /** Replaces the further grounds; only together with `ground` (a new set of grounds). */
  additionalGrounds?: GroundCode[];
}

/** A redaction's state before a decision changed it, so a client can undo the decision. */
export interface PriorState {
  id: string;
  status: RedactionStatus;
  ground: GroundCode;
  additionalGrounds: GroundCode[];
}

/** Applies `decision` to the redactions of one document chosen by `where` (SQL over the
 * redactions table; $1 is the document id, `params` follow from $2) and audits every change,
 * inside the caller's transaction. */
async function decideWhereIn(
  tx: Queryable,
  documentId: string,
  decision: Decision,
  actor: Actor,
  where: string,
  params: readonly unknown[],
): Promise<{ updated: RedactionRecord[]; before: PriorState[] }> {
  const { batchId } = await lockDecidableDocument(tx, documentId);
  const before = await tx.query<PriorState>(
    `SELECT id, status, ground, additional_grounds AS "additionalGrounds" FROM redactions WHERE document_id = $1 AND ${where} ORDER BY page, ordinal`,
    [documentId, ...params],
  );
  if (!before.rows.length) return { updated: [], before: [] };
  await reopenIfExported(tx, documentId);
  const ids = before.rows.map((r) => r.id);
  const { rows } = await tx.query<RedactionRow>(
    `UPDATE redactions SET status = $2::redaction_status, ground = COALESCE($3, ground),
       additional_grounds = CASE WHEN $3::text IS NULL THEN additional_grounds ELSE COALESCE($5::text[], '{}') END,
       decided_by = $4, decided_at = now()
     WHERE id = ANY($1::uuid[]) RETURNING *`,
    [ids, decision.status, decision.ground ?? null, actor.name, decision.ground ? [...new Set(decision.additionalGrounds ?? [])].filter((g) => g !== decision.ground) : null],
  );
  const after = new Map(rows.map((r) => [r.id, r]));
  await appendAuditEntries(
    tx,
    actor,
    before.rows.map((prev) => {
      const now = after.get(prev.id)!;
      return {
        action: 'redaction.decided' as const,
        batchId,
        documentId,
        redactionId: prev.id,
        details: {
          from: prev.status,
          to: now.status,
          ground: now.ground,
          ...(now.additional_grounds.length ? { additionalGrounds: now.additional_grounds } : {}),
          ...(prev.ground !== now.ground ? { previousGround: prev.ground } : {}),
          ...(!sameGrounds(prev.additionalGrounds, now.additional_grounds) ? { previousAdditionalGrounds: prev.additionalGrounds } : {}),
        },
      };
    }),
  );
  const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
  return { updated: ids.map((id) => byId.get(id)!), before: before.rows };
}

function sameGrounds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((g, i) => g === b[i]);
}

/** `decideWhereIn` in a transaction of its own. */
async function decideWhere(
  db: Database,
  documentId: string,
  decision: Decision,
  actor: Actor,
  where: string,
  params: readonly unknown[],
): Promise<RedactionRecord[]> {
  return db.transaction(async (tx) => (await decideWhereIn(tx, documentId, decision, actor, where, params)).updated);
}

/** One reviewer decision; undefined when there is no such redaction. */
export async function decideRedaction(db: Database, id: string, decision: Decision, actor: Actor): Promise<RedactionRecord | undefined> {
  const existing = await getRedaction(db, id);
  if (!existing) return undefined;
  const [updated] = await decideWhere(db, existing.documentId, decision, actor, 'id = $2', [id]);
  return updated;
}

export interface RedactionMatch {
  category?: Category;
  /** Compared case-insensitively with the redacted text. */
  text?: string;
  status?: RedactionStatus;
}

const MATCH_SQL = `($2::text IS NULL OR category = $2) AND ($3::text IS NULL OR lower(text) = lower($3)) AND ($4::text IS NULL OR status = $4::redaction_status)`;

function matchParams(match: RedactionMatch): unknown[] {
  return [match.category ?? null, match.text ?? null, match.status ?? null];
}

/** One decision for every redaction of a document that matches, e.g. every occurrence of a name. */
export async function decideMatching(db: Database, documentId: string, match: RedactionMatch, decision: Decision, actor: Actor): Promise<RedactionRecord[]> {
  return decideWhere(
    db,
    documentId,
    decision,
    actor,
    MATCH_SQL,
    matchParams(match),
  );
}

export interface BatchMatch extends RedactionMatch {
  /** Only these redactions (how a client undoes a decision on many at once). */
  ids?: string[];
  /** Only in this document of the batch. */
  documentId?: string;
}

export interface BatchDecisionResult {
  /** Documents with at least one matching redaction. */
  documents: number;
  updated: RedactionRecord[];
  before: PriorState[];
}

const BATCH_MATCH_SQL = `${MATCH_SQL} AND ($5::uuid[] IS NULL OR id = ANY($5::uuid[]))`;

function batchMatchParams(match: BatchMatch): unknown[] {
  return [...matchParams(match), match.ids ?? null];
}

/** The documents of a batch (or the one asked for) that hold redactions matching `match`, with
 * how many each: what a decision across the batch would touch, to show before asking. */
export async function countMatchingInBatch(q: Queryable, batchId: string, match: BatchMatch): Promise<Map<string, number>> {
  const { rows } = await q.query<{ document_id: string; n: number }>(
    `SELECT document_id, count(*)::int AS n FROM redactions
     WHERE document_id IN (SELECT id FROM documents WHERE batch_id = $1 AND ($6::uuid IS NULL OR id = $6::uuid))
       AND ${BATCH_MATCH_SQL}
     GROUP BY document_id ORDER BY document_id`,
    [batchId, ...batchMatchParams(match), match.documentId ?? null],
  );
  return new Map(rows.map((r) => [r.document_id, r.n]));
}

/** One decision for every matching redaction in every document of a batch (e.g. every
 * occurrence of one name in the dossier), audited like single decisions, all in one
 * transaction: when one document cannot be decided on now (still being processed or exported),
 * nothing changes. */
export async function decideMatchingInBatch(db: Database, batchId: string, match: BatchMatch, decision: Decision, actor: Actor): Promise<BatchDecisionResult> {
  return db.transaction(async (tx) => {
    const documents = [...(await countMatchingInBatch(tx, batchId, match)).keys()];
    const result: BatchDecisionResult = { documents: documents.length, updated: [], before: [] };
    for (const documentId of documents) {
      const { updated, before } = await decideWhereIn(tx, documentId, decision, actor, BATCH_MATCH_SQL, batchMatchParams(match));
      result.updated.push(...updated);
      result.before.push(...before);
    }
    return result;
  });
}

export interface ManualRedaction {
  page: number;
  boxes: Box[];
  /** The words under the boxes, for the reviewer and the audit log. */
  text: string;
}

/** The grounds a reviewer gives a manual redaction: the primary one and any further ones. */
export interface Grounds {
  ground: GroundCode;
  additionalGrounds?: GroundCode[];
}

/** A reviewer's own redactions (status manual) in one document, audited one by one, inside the
 * caller's transaction. */
async function addManualIn(tx: Queryable, documentId: string, items: readonly ManualRedaction[], grounds: Grounds, actor: Actor): Promise<RedactionRecord[]> {
  const { batchId } = await lockDecidableDocument(tx, documentId);
  const { ground } = grounds;
  const additionalGrounds = [...new Set(grounds.additionalGrounds ?? [])].filter((g) => g !== ground);
  const redactions: Redaction[] = items.map((item) => ({
    id: randomUUID(),
    page: item.page,
    boxes: item.boxes,
    text: item.text,
    category: 'manual',
    ground,
    additionalGrounds,
    confidence: 1,
    detector: 'manual',
    explanation: 'handmatig gelakt door beoordelaar',
    status: 'manual',
    needsReview: false,
  }));
  if (!redactions.length) return [];
  await reopenIfExported(tx, documentId);
  await insertRedactions(tx, documentId, 'reviewer', redactions);
  await tx.query('UPDATE redactions SET decided_by = $2, decided_at = now() WHERE id = ANY($1::uuid[])', [redactions.map((r) => r.id), actor.name]);
  await appendAuditEntries(
    tx,
    actor,
    redactions.map((r) => ({
      action: 'redaction.added' as const,
      batchId,
      documentId,
      redactionId: r.id,
      details: { page: r.page, boxes: r.boxes, ground, ...(additionalGrounds.length ? { additionalGrounds } : {}), text: r.text },
    })),
  );
  const { rows } = await tx.query<RedactionRow>('SELECT * FROM redactions WHERE id = ANY($1::uuid[]) ORDER BY page, ordinal', [redactions.map((r) => r.id)]);
  return rows.map(toRecord);
}

/** A reviewer's own redactions (status manual) in one document. */
export async function addManualRedactions(db: Database, documentId: string, items: readonly ManualRedaction[], grounds: Grounds, actor: Actor): Promise<RedactionRecord[]> {
  return db.transaction((tx) => addManualIn(tx, documentId, items, grounds, actor));
}

/** Manual redactions in several documents of a batch at once (search and redact across the
 * dossier): all or nothing, so a document that cannot be decided on now leaves every document
 * as it was. */
export async function addManualRedactionsInDocuments(
  db: Database,
  itemsByDocument: ReadonlyMap<string, readonly ManualRedaction[]>,
  grounds: Grounds,
  actor: Actor,
): Promise<RedactionRecord[]> {
  return db.transaction(async (tx) => {
    const added: RedactionRecord[] = [];
    for (const [documentId, items] of itemsByDocument) added.push(...(await addManualIn(tx, documentId, items, grounds, actor)));
    return added;
  });
}

/** The distinct texts a batch's redactions take away or may still take away (not rejected):
 * what no public answer may name. */
export async function batchRemovedTexts(q: Queryable, batchId: string): Promise<string[]> {
  const { rows } = await q.query<{ text: string }>(
    `SELECT DISTINCT r.text FROM redactions r JOIN documents d ON d.id = r.document_id
     WHERE d.batch_id = $1 AND r.status <> 'rejected' AND r.text <> '' ORDER BY r.text`,
    [batchId],
  );
  return rows.map((r) => r.text);
}
