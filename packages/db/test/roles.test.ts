import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPrivatePostgres } from '@woo/testkit';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiToken, createBatch, openMigratedDatabase } from '../src/index.js';

const SERVICE_ROLE_SQL = readFileSync(fileURLToPath(new URL('../sql/service-role.sql', import.meta.url)), 'utf8');
// roles are global to a PostgreSQL cluster: this test gets a cluster of its own
const server = await startPrivatePostgres();

describe.skipIf(!server)('two database roles: an owner that migrates, a service role that cannot touch the audit trigger', () => {
  afterAll(() => server?.destroy());
  const as = (role: string) => server!.url.replace('postgres@', `${role}:geheim@`).replace(/\/postgres$/, '/woo');

  it('lets the service role work and append to the audit log, and nothing more', async () => {
    const admin = new pg.Client({ connectionString: server!.url });
    await admin.connect();
    await admin.query(`CREATE ROLE woo_owner LOGIN PASSWORD 'geheim'; CREATE ROLE woo_service LOGIN PASSWORD 'geheim'`);
    await admin.query('CREATE DATABASE woo OWNER woo_owner');
    await admin.end();

    const owner = await openMigratedDatabase({ DATABASE_URL: as('woo_owner') });
    await owner.db.exec(SERVICE_ROLE_SQL);
    await owner.db.close();

    // the service starts (migrations: nothing pending, so nothing to create) and works
    const service = await openMigratedDatabase({ DATABASE_URL: as('woo_service') });
    try {
      await createApiToken(service.db, 'coordinator', 'Dienst');
      await createBatch(service.db, 'Woo-verzoek', { name: 'Dienst', role: 'coordinator' });
      for (const sql of [
        'DROP TRIGGER audit_log_no_update_delete ON audit_log',
        'ALTER TABLE audit_log DISABLE TRIGGER ALL',
        'DROP TABLE audit_log',
        'DELETE FROM audit_log',
        'TRUNCATE audit_log',
        'CREATE TABLE eigen (a int)',
        `INSERT INTO schema_migrations (name) VALUES ('999-x.sql')`,
      ]) {
        await expect(service.db.query(sql), sql).rejects.toThrow(/must be owner|permission denied/);
      }
      expect((await service.db.query(`SELECT 1 FROM audit_log WHERE action = 'batch.created'`)).rowCount).toBe(1);
    } finally {
      await service.db.close();
    }
  });
});
