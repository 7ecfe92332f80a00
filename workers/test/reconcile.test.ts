import { multipart, probeInfra, startTestStack, textPdf, waitFor, type TestStack } from '@woo/testkit';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();

describe.skipIf(!infra.ok)('Redis loses its data during a batch', () => {
  let stack: TestStack;
  const auth = () => ({ authorization: `Bearer ${stack.tokens.coordinator}` });

  beforeAll(async () => {
    stack = await startTestStack({ workers: true, env: { RECONCILE_INTERVAL_S: '1' } });
  });
  afterAll(() => stack?.close());

  it('re-enqueues every document whose stage lost its job; each is detected exactly once', async () => {
    const batch = (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(), payload: { name: 'redis-kwijt' } })).json<{ id: string }>();
    const files = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => ({ name: `brief-${i}.pdf`, bytes: await textPdf([[`Geachte heer Jan de Vries ${i},`, 'Bel mij op 06-12345678.']]) })),
    );
    const body = multipart(files);
    expect((await stack.app.inject({ method: 'POST', url: `/v1/batches/${batch.id}/documents`, headers: { ...auth(), ...body.headers }, payload: body.payload })).statusCode).toBe(202);
    const status = async () => (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batch.id}`, headers: auth() })).json<{ documents: { id: string; status: string }[] }>().documents;
    // mid-batch: work has started, nothing is in review yet (the batch is detected as a whole
    // once every document is read, so the first document in review means all are nearly there)
    await waitFor(status, (docs) => docs.some((d) => d.status !== 'queued'), 90_000, 20);

    const redis = new Redis(stack.env.REDIS_URL!);
    const keys = await redis.keys(`${stack.env.QUEUE_PREFIX}:*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    redis.disconnect();
    const pending = (await status()).filter((d) => d.status !== 'in_review');
    expect(pending.length).toBeGreaterThan(0);

    const settled = await waitFor(status, (docs) => docs.every((d) => d.status === 'in_review' || d.status === 'failed'), 120_000);
    expect(settled.map((d) => d.status)).toEqual(files.map(() => 'in_review'));
    const { rows } = await stack.context.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'document.detected' AND document_id = ANY($1::uuid[]) GROUP BY document_id`,
      [settled.map((d) => d.id)],
    );
    expect(rows.map((r) => r.n)).toEqual(files.map(() => 1));
  });
});
