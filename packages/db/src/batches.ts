import { randomUUID } from 'node:crypto';
import type { Actor } from './audit.js';
import { appendAudit } from './audit.js';
import type { Database, Queryable } from './database.js';
import { DOCUMENT_STATUSES, type DocumentStatus } from './documents.js';
import { DEFAULT_TEAM } from './tokens.js';

export interface BatchRecord {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
}

/** A new batch, owned by `team` (the creator's team); `officials` stay visible in it. */
export async function createBatch(db: Database, name: string, actor: Actor, team = DEFAULT_TEAM, officials: readonly string[] = []): Promise<BatchRecord> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ created_at: Date }>(
      'INSERT INTO batches (id, name, created_by, created_by_token, officials) VALUES ($1, $2, $3, $4, $5) RETURNING created_at',
      [id, name, actor.name, actor.id ?? null, officials],
    );
    await tx.query('INSERT INTO batch_teams (batch_id, team) VALUES ($1, $2)', [id, team]);
    await appendAudit(tx, actor, { action: 'batch.created', batchId: id, details: { name, team, officials: officials.length } });
    return { id, name, createdBy: actor.name, createdAt: new Date(rows[0]!.created_at).toISOString() };
  });
}

export async function getBatch(q: Queryable, id: string): Promise<BatchRecord | undefined> {
  const { rows } = await q.query<{ id: string; name: string; created_by: string; created_at: Date }>(
    'SELECT id, name, created_by, created_at FROM batches WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r && { id: r.id, name: r.name, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() };
}

/** The officials given for this batch (createBatch), in the order given. */
export async function batchOfficials(q: Queryable, batchId: string): Promise<string[]> {
  const { rows } = await q.query<{ officials: string[] }>('SELECT officials FROM batches WHERE id = $1', [batchId]);
  return rows[0]?.officials ?? [];
}

/** Shares a batch with more teams (audited per team newly added); returns all its teams. */
export async function shareBatch(db: Database, batchId: string, teams: readonly string[], actor: Actor): Promise<string[]> {
  return db.transaction(async (tx) => {
    const { rows: added } = await tx.query<{ team: string }>(
      `INSERT INTO batch_teams (batch_id, team, shared_by) SELECT $1, team, $2 FROM unnest($3::text[]) AS team
       ON CONFLICT DO NOTHING RETURNING team`,
      [batchId, actor.name, [...new Set(teams)]],
    );
    for (const { team } of added) await appendAudit(tx, actor, { action: 'batch.shared', batchId, details: { team } });
    return batchTeams(tx, batchId);
  });
}

export async function batchTeams(q: Queryable, batchId: string): Promise<string[]> {
  const { rows } = await q.query<{ team: string }>('SELECT team FROM batch_teams WHERE batch_id = $1 ORDER BY team', [batchId]);
  return rows.map((r) => r.team);
}

/** Whose data may be seen: admins see everything, everyone else the batches of their teams. */
export interface TeamScope {
  role: string;
  teams: readonly string[];
}

export interface BatchOverview extends BatchRecord {
  teams: string[];
  documents: Record<DocumentStatus, number>;
  openSuggestions: number;
}

/** The batches `scope` may see, newest first, with their documents counted per status. */
export async function listVisibleBatches(q: Queryable, scope: TeamScope): Promise<BatchOverview[]> {
  const { rows } = await q.query<{
    id: string;
    name: string;
    created_by: string;
    created_at: Date | string;
    teams: string[];
    documents: Partial<Record<DocumentStatus, number>>;
    open_suggestions: number;
  }>(
    `SELECT b.id, b.name, b.created_by, b.created_at,
       ARRAY(SELECT team FROM batch_teams WHERE batch_id = b.id ORDER BY team) AS teams,
       (SELECT coalesce(jsonb_object_agg(s.status, s.n), '{}') FROM
          (SELECT status, count(*)::int AS n FROM documents WHERE batch_id = b.id GROUP BY status) s) AS documents,
       (SELECT count(*)::int FROM redactions r JOIN documents d ON d.id = r.document_id
          WHERE d.batch_id = b.id AND r.status = 'suggested') AS open_suggestions
     FROM batches b
     WHERE $1 OR EXISTS (SELECT 1 FROM batch_teams bt WHERE bt.batch_id = b.id AND bt.team = ANY($2::text[]))
     ORDER BY b.created_at DESC, b.id`,
    [scope.role === 'admin', [...scope.teams]],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    teams: r.teams,
    documents: Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, r.documents[s] ?? 0])) as Record<DocumentStatus, number>,
    openSuggestions: r.open_suggestions,
  }));
}

/** What a route's `:id` names; each leads to exactly one batch. */
export type ScopedResource = 'batch' | 'document' | 'redaction';

const BATCH_OF: Record<ScopedResource, string> = {
  batch: 'SELECT id AS batch_id FROM batches WHERE id = $1',
  document: 'SELECT batch_id FROM documents WHERE id = $1',
  redaction: 'SELECT d.batch_id FROM redactions r JOIN documents d ON d.id = r.document_id WHERE r.id = $1',
};

/** True when the resource exists and `scope` may see its batch. Callers answer "not found"
 * either way, so an id reveals nothing about batches of other teams. */
export async function canAccess(q: Queryable, resource: ScopedResource, id: string, scope: TeamScope): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM (${BATCH_OF[resource]}) x
     WHERE $2 OR EXISTS (SELECT 1 FROM batch_teams bt WHERE bt.batch_id = x.batch_id AND bt.team = ANY($3::text[]))`,
    [id, scope.role === 'admin', [...scope.teams]],
  );
  return rows.length > 0;
}
