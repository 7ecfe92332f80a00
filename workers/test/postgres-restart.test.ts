import { multipart, probeInfra, startPrivatePostgres, startTestStack, textPdf, waitFor, type PrivatePostgres, type TestStack } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();
const postgres = infra.ok ? await startPrivatePostgres() : undefined;

describe.skipIf(!postgres)('PostgreSQL restarted while a batch is processed', () => {
  let stack: TestStack;
  const server = postgres as PrivatePostgres;
  const auth = () => ({ authorization: `Bearer ${stack.tokens.coordinator}` });

  beforeAll(async () => {
    stack = await startTestStack({ workers: true, env: { DATABASE_URL: server.url, DATABASE_RETRY_MS: '300', DATABASE_CONNECT_TIMEOUT_MS: '1000' } });
  });
  afterAll(async () => {
    await stack?.close();
    server.destroy();
  });

  it('answers 503 in Dutch while the database is away, recovers by itself, and completes every document once', async () => {
    const batch = (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(), payload: { name: 'herstart' } })).json<{ id: string }>();
    const files = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => ({ name: `brief-${i}.pdf`, bytes: await textPdf([[`Geachte mevrouw Anna de Boer ${i},`, 'Bel 06-12345678.']]) })),
    );
    const body = multipart(files);
    const uploaded = (await stack.app.inject({ method: 'POST', url: `/v1/batches/${batch.id}/documents`, headers: { ...auth(), ...body.headers }, payload: body.payload })).json<{ id: string }[]>();
    expect(uploaded).toHaveLength(files.length);

    const { rows: pending } = await stack.context.db.query(`SELECT 1 FROM documents WHERE batch_id = $1 AND status <> 'in_review'`, [batch.id]);
    expect(pending.length).toBeGreaterThan(0); // the restart really comes in the middle of the work
    server.stop();
    const away = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batch.id}`, headers: auth() });
    expect(away.statusCode).toBe(503);
    expect(away.json().message).toBe('De database is tijdelijk niet bereikbaar. Probeer het over een ogenblik opnieuw; er is niets opgeslagen.');
    expect((await stack.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'not ready', postgres: false });
    expect((await stack.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 2000)); // workers keep trying meanwhile
    server.start();

    const settled = await waitFor(
      async () => (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batch.id}`, headers: auth() })).json<{ documents?: { id: string; status: string }[] }>(),
      (b) => !!b.documents && b.documents.every((d) => d.status === 'in_review' || d.status === 'failed'),
      90_000,
    );
    expect(settled.documents!.map((d) => d.status)).toEqual(files.map(() => 'in_review'));
    const { rows } = await stack.context.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE batch_id = $1 AND action = 'document.detected' GROUP BY document_id`,
      [batch.id],
    );
    expect(rows.map((r) => r.n)).toEqual(files.map(() => 1));
    expect((await stack.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});
