import { readdirSync } from 'node:fs';
import { multipart, probeInfra, startTestStack, textPdf, type TestStack } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();

describe.skipIf(!infra.ok)('authentication and roles', () => {
  let stack: TestStack;
  let batchId: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    stack = await startTestStack();
    const res = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(stack.tokens.coordinator), payload: { name: 'Woo-verzoek 12' } });
    batchId = res.json().id;
  });
  afterAll(() => stack?.close());

  it('answers 401 with a Dutch message without a token or with an unknown one', async () => {
    for (const headers of [{}, auth('woo_nietbestaand'), { authorization: 'Token abc' }]) {
      const res = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers, payload: { name: 'x' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toMatch(/aangemeld|ongeldig/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    const read = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}` });
    expect(read.statusCode).toBe(401);
  });

  it('answers 403 for the wrong role', async () => {
    const create = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(stack.tokens.reviewer), payload: { name: 'x' } });
    expect(create.statusCode).toBe(403);
    expect(create.json().message).toContain('coordinator');
    const decide = await stack.app.inject({
      method: 'PATCH',
      url: '/v1/redactions/00000000-0000-4000-8000-000000000000',
      headers: auth(stack.tokens.coordinator),
      payload: { status: 'accepted' },
    });
    expect(decide.statusCode).toBe(403);
  });

  it('does not let a reviewer upload, and nothing is stored or recorded', async () => {
    const body = multipart([{ name: 'brief.pdf', bytes: await textPdf([['Jan Jansen']]) }]);
    const res = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/documents`, headers: { ...auth(stack.tokens.reviewer), ...body.headers }, payload: body.payload });
    expect(res.statusCode).toBe(403);
    const batch = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}`, headers: auth(stack.tokens.reviewer) });
    expect(batch.json().documents).toEqual([]);
    expect(readdirSync(stack.env.BLOB_DIR!)).toEqual([]);
    expect(await stack.context.jobs.queues.extract.count()).toBe(0);
  });

  it('lets admins do everything, and only admins see Bull Board (also with Basic auth from a browser)', async () => {
    const create = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(stack.tokens.admin), payload: { name: 'beheer' } });
    expect(create.statusCode).toBe(201);
    expect((await stack.app.inject({ method: 'GET', url: '/admin/queues' })).headers['www-authenticate']).toMatch(/^Basic/);
    expect((await stack.app.inject({ method: 'GET', url: '/admin/queues', headers: auth(stack.tokens.reviewer) })).statusCode).toBe(403);
    expect((await stack.app.inject({ method: 'GET', url: '/admin/queues', headers: auth(stack.tokens.admin) })).statusCode).toBe(200);
    const basic = `Basic ${Buffer.from(`beheer:${stack.tokens.admin}`).toString('base64')}`;
    const api = await stack.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { authorization: basic } });
    expect(api.statusCode).toBe(200);
    expect(api.json().queues.map((q: { name: string }) => q.name).sort()).toEqual(['convert', 'detect', 'export', 'extract', 'ocr']);
  });

  it('serves health, readiness and the OpenAPI document without a token', async () => {
    expect((await stack.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await stack.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', redis: true, postgres: true });
    const spec = (await stack.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/v1/batches',
        '/v1/batches/{id}/documents',
        '/v1/batches/{id}',
        '/v1/documents/{id}/redactions',
        '/v1/redactions/{id}',
        '/v1/documents/{id}/redactions/bulk',
        '/v1/documents/{id}/export',
        '/v1/documents/{id}/export.pdf',
        '/v1/batches/{id}/inventory.csv',
        '/v1/batches/{id}/export',
      ]),
    );
    expect((await stack.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('echoes a request id for log correlation', async () => {
    const res = await stack.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'nacht-42' } });
    expect(res.headers['x-request-id']).toBe('nacht-42');
  });
});
