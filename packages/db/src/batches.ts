import { randomUUID } from 'node:crypto';
import type { Actor } from './audit.js';
import { appendAudit } from './audit.js';
import type { Database, Queryable } from './database.js';

export interface BatchRecord {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
}

export async function createBatch(db: Database, name: string, actor: Actor): Promise<BatchRecord> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ created_at: Date }>(
      'INSERT INTO batches (id, name, created_by) VALUES ($1, $2, $3) RETURNING created_at',
      [id, name, actor.name],
    );
    await appendAudit(tx, actor, { action: 'batch.created', batchId: id, details: { name } });
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
