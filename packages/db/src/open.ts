import path from 'node:path';
import { openDatabase, type Database } from './database.js';
import { migrate } from './migrate.js';

export interface OpenedDatabase {
  db: Database;
  /** Where the state lives, for the start-up log line (never includes a password). */
  location: string;
}

/** The database every process uses: PostgreSQL at DATABASE_URL, else PGlite under `dataDir`
 * (default ./data), migrated to the latest schema. */
export async function openMigratedDatabase(env: NodeJS.ProcessEnv = process.env, dataDir = env.DATA_DIR ?? 'data'): Promise<OpenedDatabase> {
  const url = env.DATABASE_URL || undefined;
  const schema = env.DATABASE_SCHEMA || 'public';
  const pgliteDir = path.resolve(dataDir, 'pglite');
  const db = await openDatabase({ url, dataDir: pgliteDir, schema });
  try {
    await migrate(db, schema);
  } catch (err) {
    await db.close();
    throw err;
  }
  return { db, location: url ? redactPassword(url) : `PGlite in ${pgliteDir}` };
}

function redactPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL';
  }
}
