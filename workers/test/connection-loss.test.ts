import { multipart, probeInfra, startTestStack, TEST_DATABASE_URL, textPdf, uniqueName, waitFor, type TestStack } from '@woo/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();
// node-postgres names its connections after PGAPPNAME: the stack's own backends, and nobody
// else's, can be found and terminated (other test files share this PostgreSQL)
const APP_NAME = uniqueName('t_conn');

describe.skipIf(!infra.ok)('PostgreSQL backends terminated while a batch is processed', () => {
  let stack: TestStack;
  let killer: pg.Client;
  const auth = () => ({ authorization: `Bearer ${stack.tokens.coordinator}` });

  beforeAll(async () => {
    process.env.PGAPPNAME = APP_NAME;
    stack = await startTestStack({ workers: true, env: { DATABASE_RETRY_MS: '300' } });
    killer = new pg.Client({ connectionString: TEST_DATABASE_URL, application_name: 'woo-killer' });
    await killer.connect();
  });
  afterAll(async () => {
    await killer?.end();
    await stack?.close();
  });

  it('neither crashes nor loses or duplicates work; the API answers 200 or 503 and recovers', async () => {
    const batch = (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(), payload: { name: 'verbinding' } })).json<{ id: string }>();
    const files = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => ({
        name: `brief-${i}.pdf`,
        bytes: await textPdf([[`Geachte heer Jan de Vries ${i},`, 'Bel mij op 06-12345678.'], ['Met vriendelijke groet, Pieter Bakker']]),
      })),
    );

    let terminated = 0;
    let stop = false;
    const terminate = (async () => {
      while (!stop) {
        const { rowCount } = await killer.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [APP_NAME]);
        terminated += rowCount ?? 0;
        await new Promise((r) => setTimeout(r, 40));
      }
    })();

    const answers: number[] = [];
    const uploaded: string[] = [];
    try {
      for (const file of files) {
        const body = multipart([file]);
        // a client retries an upload the API refused with 503, as the Retry-After header asks (often:
        // with backends killed every 40 ms, a busy machine needs many tries to commit one)
        for (let attempt = 0; attempt < 200; attempt++) {
          const res = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batch.id}/documents`, headers: { ...auth(), ...body.headers }, payload: body.payload });
          answers.push(res.statusCode);
          if (res.statusCode === 503) {
            expect(res.json().message).toContain('database is tijdelijk niet bereikbaar');
            expect(res.headers['retry-after']).toBe('5');
            continue;
          }
          expect(res.statusCode).toBe(202);
          uploaded.push(res.json()[0].id);
          break;
        }
      }
      for (let i = 0; i < 30; i++) {
        const res = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batch.id}`, headers: auth() });
        answers.push(res.statusCode);
        expect([200, 503]).toContain(res.statusCode);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      stop = true;
      await terminate;
    }
    expect(terminated).toBeGreaterThan(10);
    expect(answers).toContain(503);
    expect(uploaded).toHaveLength(files.length);

    const status = async () => (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batch.id}`, headers: auth() })).json<{ documents: { id: string; status: string }[] }>();
    const settled = await waitFor(status, (b) => b.documents?.every((d) => d.status === 'in_review' || d.status === 'failed'), 90_000);
    // every upload exactly once (a refused upload left nothing behind), and every document done once
    expect(settled.documents.map((d) => d.id).sort()).toEqual([...uploaded].sort());
    expect(settled.documents.map((d) => d.status)).toEqual(files.map(() => 'in_review'));
    const { rows } = await stack.context.db.query<{ document_id: string; action: string; n: number }>(
      `SELECT document_id, action, count(*)::int AS n FROM audit_log WHERE document_id = ANY($1::uuid[]) GROUP BY document_id, action`,
      [uploaded],
    );
    expect(rows.filter((r) => r.action === 'document.detected').map((r) => r.n)).toEqual(files.map(() => 1));
    expect(rows.filter((r) => r.action === 'document.uploaded').map((r) => r.n)).toEqual(files.map(() => 1));
    const { rows: dupes } = await stack.context.db.query(
      `SELECT document_id, page, text FROM redactions WHERE document_id = ANY($1::uuid[]) GROUP BY document_id, page, text, boxes::text HAVING count(*) > 1`,
      [uploaded],
    );
    expect(dupes).toEqual([]);
    expect((await stack.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});
