import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropQueuePrefix, dropSchema, probeInfra, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName, waitFor } from '@woo/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function children(pid: number): Array<{ pid: number; cmdline: string }> {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const list = read(`/proc/${pid}/task/${pid}/children`).trim();
  return list ? list.split(/\s+/).map((p) => ({ pid: Number(p), cmdline: read(`/proc/${p}/cmdline`).replace(/\0/g, ' ') })) : [];
}

describe.skipIf(!infra.ok)('npm run serve: API and workers under one supervisor', () => {
  const schema = uniqueName('t_serve');
  const prefix = uniqueName('t_q');
  const blobs = mkdtempSync(path.join(os.tmpdir(), 'woo-serve-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  afterAll(async () => {
    await dropSchema(schema);
    await dropQueuePrefix(prefix);
    rmSync(blobs, { recursive: true, force: true });
  });

  it('runs them as separate children, restarts a killed worker while /healthz keeps answering, and stops on SIGTERM', async () => {
    const env = { ...process.env, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, BLOB_DIR: blobs, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
    const supervisor = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    supervisor.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((resolve) => supervisor.on('exit', resolve));
    const health = () => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
    try {
      await waitFor(health, (status) => status === 200, 90_000);
      const worker = () => children(supervisor.pid!).find((c) => c.cmdline.includes('workers/src/main.ts'));
      const first = await waitFor(async () => worker(), (w) => w !== undefined, 30_000);
      expect(children(supervisor.pid!).some((c) => c.cmdline.includes('scripts/serve-api.ts'))).toBe(true);

      process.kill(first!.pid, 'SIGKILL');
      const answers: number[] = [];
      const second = await waitFor(
        async () => {
          answers.push(await health());
          return worker();
        },
        (w) => w !== undefined && w.pid !== first!.pid,
        60_000,
      );
      expect(second!.pid).not.toBe(first!.pid);
      expect(answers.every((status) => status === 200)).toBe(true);
      expect(log).toMatch(/workers exited \(code null, signal SIGKILL\); restarting/);
    } finally {
      supervisor.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
