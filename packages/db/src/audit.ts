import type { Queryable } from './database.js';

/** Who did something: an API token (its id, since names may repeat, and its name and role), or
 * the system itself (workers, policies). */
export interface Actor {
  id?: string;
  name: string;
  role: 'coordinator' | 'reviewer' | 'publisher' | 'admin' | 'system';
}

export const SYSTEM_ACTOR: Actor = { name: 'systeem', role: 'system' };

export type AuditAction =
  | 'batch.created'
  | 'batch.shared'
  | 'document.uploaded'
  | 'document.rejected'
  | 'document.unpacked'
  | 'document.detected'
  | 'document.failed'
  | 'document.retried'
  | 'document.exported'
  | 'original.downloaded'
  | 'source.downloaded'
  | 'export.downloaded'
  | 'redaction.decided'
  | 'redaction.added'
  | 'export.requested'
  | 'batch.decided'
  | 'decision.inherited'
  | 'duplicate.inherited'
  | 'consistency.allowed'
  | 'orglist.changed'
  | 'page.checked'
  | 'page.unchecked';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  /** The token's id; absent for the system and for entries older than token ids in the log. */
  actorId: string | null;
  role: string;
  action: AuditAction;
  batchId: string | null;
  documentId: string | null;
  redactionId: string | null;
  details: Record<string, unknown>;
}

export interface NewAuditEntry {
  action: AuditAction;
  batchId?: string;
  documentId?: string;
  redactionId?: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit log. Callers pass their transaction, so the entry commits together with
 * the change it records, or not at all. */
export async function appendAudit(q: Queryable, actor: Actor, entry: NewAuditEntry): Promise<void> {
  await appendAuditEntries(q, actor, [entry]);
}

/** Appends several entries of one actor in one statement, in their order (a decision on many
 * redactions at once: one round trip instead of one per redaction). */
export async function appendAuditEntries(q: Queryable, actor: Actor, entries: readonly NewAuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await q.query(
    `INSERT INTO audit_log (actor, action, batch_id, document_id, redaction_id, details)
     SELECT $1, e.action, e.batch_id, e.document_id, e.redaction_id, coalesce(e.details, '{}'::jsonb)
     FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (action text, batch_id uuid, document_id uuid, redaction_id uuid, details jsonb))
       WITH ORDINALITY AS e(action, batch_id, document_id, redaction_id, details, n)
     ORDER BY e.n`,
    [
      JSON.stringify({ ...(actor.id ? { id: actor.id } : {}), name: actor.name, role: actor.role }),
      JSON.stringify(
        entries.map((e) => ({
          action: e.action,
          batch_id: e.batchId ?? null,
          document_id: e.documentId ?? null,
          redaction_id: e.redactionId ?? null,
          details: e.details ?? {},
        })),
      ),
    ],
  );
}

interface AuditRow {
  id: number | string;
  at: Date | string;
  actor: string;
  action: AuditAction;
  batch_id: string | null;
  document_id: string | null;
  redaction_id: string | null;
  details: Record<string, unknown>;
}

export async function listDocumentAudit(q: Queryable, documentId: string): Promise<AuditEntry[]> {
  const { rows } = await q.query<AuditRow>('SELECT * FROM audit_log WHERE document_id = $1 ORDER BY id', [documentId]);
  return rows.map((r) => {
    const actor = JSON.parse(r.actor) as Actor;
    return {
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      actor: actor.name,
      actorId: actor.id ?? null,
      role: actor.role,
      action: r.action,
      batchId: r.batch_id,
      documentId: r.document_id,
      redactionId: r.redaction_id,
      details: r.details,
    };
  });
}

/** Who decided on the redactions of a batch (reviewers and coordinators named in its audit log),
 * for the onderbouwingsrapport. */
export async function batchDeciders(q: Queryable, batchId: string): Promise<string[]> {
  const { rows } = await q.query<{ actor: string }>(
    `SELECT DISTINCT actor FROM audit_log WHERE batch_id = $1 AND action IN ('redaction.decided', 'redaction.added', 'batch.decided')`,
    [batchId],
  );
  return [...new Set(rows.map((r) => (JSON.parse(r.actor) as Actor).name))].sort();
}
