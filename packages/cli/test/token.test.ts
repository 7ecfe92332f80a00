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

  it('puts a token in its teams with an expiry, lists it without the secret, and revokes it', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'token', 'create', '--role', 'reviewer', '--name', 'Jurist', '--team', 'wonen', '--team', 'jeugd', '--expires', '90d'], { env });
    const token = stdout.trim();
    const db = await openDatabase({ url: TEST_DATABASE_URL, schema });
    try {
      expect(await findTokenOwner(db, token)).toMatchObject({ name: 'Jurist', teams: ['jeugd', 'wonen'] });
      const list = (await run(process.execPath, [BIN, 'token', 'list'], { env })).stdout;
      expect(list).not.toContain(token);
      const line = list.split('\n').find((l) => l.includes('Jurist'))!;
      const [id, , role, teams, , expires, status] = line.split('\t');
      expect([role, teams, status]).toEqual(['reviewer', 'jeugd,wonen', 'geldig']);
      expect(Date.parse(expires!) - Date.now()).toBeGreaterThan(89 * 24 * 3600 * 1000);
      expect(list).toMatch(/J\. Jansen\treviewer\tstandaard\t/); // without --team: the default team
      const revoked = await run(process.execPath, [BIN, 'token', 'revoke', id!], { env });
      expect(revoked.stderr).toContain('ingetrokken');
      expect(await findTokenOwner(db, token)).toBeUndefined();
      const again = await run(process.execPath, [BIN, 'token', 'revoke', id!], { env }).catch((e: { code: number; stderr: string }) => e);
      expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('geen geldig token') });
    } finally {
      await db.close();
    }
  });

  it('refuses an expiry in the past or not understood, and a bad team name', async () => {
    for (const args of [['--expires', '2001-01-01'], ['--expires', 'morgen'], ['--team', 'Wonen & Zo']]) {
      const failed = await run(process.execPath, [BIN, 'token', 'create', '--role', 'reviewer', '--name', 'x', ...args], { env }).catch((e: { code: number; stdout: string; stderr: string }) => e);
      expect(failed).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/vervaldatum|teamnaam/) });
    }
  });

  it('creates a publisher token (the role that reads only the public outputs)', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'token', 'create', '--role', 'publisher', '--name', 'Publicatieteam', '--team', 'wonen'], { env });
    const db = await openDatabase({ url: TEST_DATABASE_URL, schema });
    try {
      expect(await findTokenOwner(db, stdout.trim())).toMatchObject({ name: 'Publicatieteam', role: 'publisher', teams: ['wonen'] });
    } finally {
      await db.close();
    }
  });

  it('refuses an unknown role in Dutch, with nothing on stdout', async () => {
    const failed = await run(process.execPath, [BIN, 'token', 'create', '--role', 'baas', '--name', 'x'], { env }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining("onbekende rol 'baas'; kies uit coordinator, reviewer, publisher, admin") });
  });
});
