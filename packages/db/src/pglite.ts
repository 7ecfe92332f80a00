import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult } from './database.js';

/** PGlite cannot serialise a JS array for an array type it does not know (our enums): send
 * arrays as PostgreSQL array literals, the way node-postgres does, and let the server parse them. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

function wrap(db: PGlite | Transaction): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const values = params?.map((p) => (Array.isArray(p) ? arrayLiteral(p) : p));
      const result = await db.query<R>(sql, values);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
  };
}

/** PGlite is one PostgreSQL backend inside this process: a second process opening the same
 * folder would corrupt it. A lock file with our pid keeps it to one process at a time. */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), `.${path.basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `De ingebouwde database in ${dataDir} is in gebruik door een ander proces (pid ${holder}). ` +
            'Stop dat proces eerst, of gebruik een PostgreSQL-server via DATABASE_URL.',
        );
      }
      fs.rmSync(lockFile, { force: true }); // left behind by a process that is gone
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openPglite(dataDir: string | undefined, schema: string): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const db = new PGlite(dataDir);
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
    return {
      kind: 'pglite',
      ...wrap(db),
      // PGlite runs one statement at a time: other queries wait until the transaction is done.
      transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
      async close() {
        await db.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
