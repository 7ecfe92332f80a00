import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { multipart, probeInfra, scannedPdf, startTestStack, waitFor, type TestStack } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();
const WORKER_MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
/** Short locks so a killed worker's job is noticed as stalled within seconds, not 30 s. */
const LOCK_MS = 2500;

describe.skipIf(!infra.ok)('a worker killed in the middle of an OCR job', () => {
  let stack: TestStack;
  const children: ChildProcess[] = [];

  /** A worker process of its own, as on another host: `tsx workers/src/main.ts`. */
  function spawnWorker(): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER_MAIN], {
      env: { ...stack.env, JOB_LOCK_MS: String(LOCK_MS), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.resume();
    child.stderr!.resume();
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await stack?.close();
  });

  it('has its job picked up again; the document completes once, without duplicate redactions', async () => {
    const auth = { authorization: `Bearer ${stack.tokens.coordinator}` };
    const batch = (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth, payload: { name: 'sigkill' } })).json<{ id: string }>();
    const scan = await scannedPdf([
      ['Beste Johan Visser,', 'Bel mij op 06-11223344 of mail johan.visser@example.nl'],
      ['Groet, Anna de Boer', 'telefoon 06-99887766'],
    ]);
    const body = multipart([{ name: 'scan.pdf', bytes: scan }]);
    const [doc] = (
      await stack.app.inject({ method: 'POST', url: `/v1/batches/${batch.id}/documents`, headers: { ...auth, ...body.headers }, payload: body.payload })
    ).json<Array<{ id: string }>>();

    const first = spawnWorker();
    const { ocr } = stack.context.jobs.queues;
    const [active] = await waitFor(() => ocr.getActive(), (jobs) => jobs.length > 0, 60_000, 50);
    // let it get into the recognition itself before pulling the plug
    await new Promise((r) => setTimeout(r, 500));
    first.kill('SIGKILL');
    await once(first, 'exit');
    expect(first.signalCode).toBe('SIGKILL');
    expect(await stack.context.db.query(`SELECT 1 FROM documents WHERE id = $1 AND status = 'ocr'`, [doc!.id])).toMatchObject({ rowCount: 1 });

    spawnWorker();
    const status = async () => (await stack.context.db.query<{ status: string }>('SELECT status FROM documents WHERE id = $1', [doc!.id])).rows[0]!.status;
    expect(await waitFor(status, (s) => s === 'in_review' || s === 'failed', 90_000)).toBe('in_review');

    const killed = await ocr.getJob(active!.id!);
    expect(killed?.stalledCounter).toBe(1); // BullMQ found it stalled and ran it again
    expect(await killed?.getState()).toBe('completed');

    const { rows: pages } = await stack.context.db.query<{ number: number; source: string }>('SELECT number, source FROM pages WHERE document_id = $1 ORDER BY number', [doc!.id]);
    expect(pages).toEqual([{ number: 1, source: 'ocr' }, { number: 2, source: 'ocr' }]);

    const redactions = (
      await stack.app.inject({ method: 'GET', url: `/v1/documents/${doc!.id}/redactions`, headers: auth })
    ).json<Array<{ page: number; text: string; boxes: unknown }>>();
    const keys = redactions.map((r) => JSON.stringify([r.page, r.text, r.boxes]));
    expect(redactions.map((r) => r.text)).toEqual(expect.arrayContaining(['06-11223344', '06-99887766']));
    expect(new Set(keys).size).toBe(keys.length);

    const { rows: detected } = await stack.context.db.query(`SELECT 1 FROM audit_log WHERE document_id = $1 AND action = 'document.detected'`, [doc!.id]);
    expect(detected).toHaveLength(1);
  });
});
