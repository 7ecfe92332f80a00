import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/** Migration files: `NNN-description.sql`, applied in order of their number. */
function migrationFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort();
}

/** Applies the migrations not yet applied to the database's schema and returns their names.
 * Everything runs in one transaction under an advisory lock, so processes starting at the same
 * moment wait for each other instead of racing, and a failing migration leaves nothing behind.
 * When nothing is pending, nothing but reads is done, so a service role without the right to
 * create or alter anything can start against a database its owner migrated. */
export async function migrate(db: Database, schema = 'public', dir = MIGRATIONS_DIR): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`woo-redact:migrations:${schema}`]);
    const { rows: existing } = await tx.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [`${schema}.schema_migrations`]);
    const applied = new Set<string>();
    if (existing[0]!.found) {
      const { rows } = await tx.query<{ name: string }>(`SELECT name FROM ${schema}.schema_migrations`);
      for (const r of rows) applied.add(r.name);
    }
    const pending = migrationFiles(dir).filter((f) => !applied.has(f));
    if (!pending.length) return [];
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    for (const file of pending) {
      await tx.exec(fs.readFileSync(path.join(dir, file), 'utf8'));
      await tx.query(`INSERT INTO ${schema}.schema_migrations (name) VALUES ($1)`, [file]);
    }
    return pending;
  });
}
