import type { Queryable } from './database.js';

/** Who did something: an API token (its id, since names may repeat, and its name and role), or
 * the system itself (workers, policies). */
export interface Actor {
  id?: string;
  name: string;
  role: 'coordinator' | 'reviewer' | 'admin' | 'system';
}

export const SYSTEM_ACTOR: Actor = { name: 'systeem', role: 'system' };

export type AuditAction =
  | 'batch.created'
  | 'batch.shared'
  | 'document.uploaded'
  | 'document.rejected'
  | 'document.detected'
  | 'document.failed'
  | 'document.retried'
  | 'document.exported'
  | 'original.downloaded'
  | 'export.downloaded'
  | 'redaction.decided'
  | 'redaction.added'
  | 'export.requested';

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
  await q.query(
    `INSERT INTO audit_log (actor, action, batch_id, document_id, redaction_id, details)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [
      JSON.stringify({ ...(actor.id ? { id: actor.id } : {}), name: actor.name, role: actor.role }),
      entry.action,
      entry.batchId ?? null,
      entry.documentId ?? null,
      entry.redactionId ?? null,
      JSON.stringify(entry.details ?? {}),
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
