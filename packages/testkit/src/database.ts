import { migrate, openDatabase, type Database } from '@woo/db';
import { afterAll, beforeAll } from 'vitest';
import { dropSchema, TEST_DATABASE_URL, uniqueName } from './infra.js';

/** A migrated database in a schema of its own for the calling test file, dropped afterwards.
 * Call inside a describe block; `db()` is valid from the first test on. */
export function useTestDatabase(prefix: string): { schema: string; db(): Database } {
  const schema = uniqueName(prefix);
  let db: Database | undefined;
  beforeAll(async () => {
    db = await openDatabase({ url: TEST_DATABASE_URL, schema });
    await migrate(db, schema);
  });
  afterAll(async () => {
    await db?.close();
    await dropSchema(schema);
  });
  return {
    schema,
    db() {
      if (!db) throw new Error('the test database is opened in beforeAll');
      return db;
    },
  };
}
