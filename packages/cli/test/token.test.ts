import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findTokenOwner, openDatabase } from '@woo/db';
import { dropSchema, probeInfra, TEST_DATABASE_URL, uniqueName } from '@woo/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/woo-redact.mjs', import.meta.url));
const infra = await probeInfra({ postgres: true });

describe.skipIf(!infra.ok)('woo-redact token create', () => {
  const schema = uniqueName('t_cli');
  const env = { ...process.env, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
  afterAll(() => dropSchema(schema));

  it('prints only the new token on stdout, and the token works', async () => {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'token', 'create', '--role', 'reviewer', '--name', 'J. Jansen'], { env });
    expect(stdout).toMatch(/^woo_[A-Za-z0-9_-]{43}\n$/);
    expect(stderr).toContain('aangemaakt');
    const db = await openDatabase({ url: TEST_DATABASE_URL, schema });
    try {
      expect(await findTokenOwner(db, stdout.trim())).toMatchObject({ name: 'J. Jansen', role: 'reviewer' });
    } finally {
      await db.close();
    }
  });

  it('refuses an unknown role in Dutch, with nothing on stdout', async () => {
    const failed = await run(process.execPath, [BIN, 'token', 'create', '--role', 'baas', '--name', 'x'], { env }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining("onbekende rol 'baas'") });
  });
});
