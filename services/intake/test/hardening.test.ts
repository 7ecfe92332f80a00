import { multipart, probeInfra, startTestStack, textPdf, documentInReview, type TestStack } from '@woo/testkit';
import { createApiToken } from '@woo/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();

describe.skipIf(!infra.ok)('HTTP hardening', () => {
  let stack: TestStack;
  let batchId: string;
  const auth = (token = stack.tokens.coordinator) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    stack = await startTestStack({ env: { RATE_LIMIT_PER_TOKEN: '30', RATE_LIMIT_PER_ADDRESS: '60', UPLOADS_PER_TOKEN: '3' } });
    batchId = (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(), payload: { name: 'hard' } })).json().id;
  });
  afterAll(() => stack?.close());

  it('sends security headers, and no-store on every /v1 response', async () => {
    const res = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}`, headers: auth() });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    const denied = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}` });
    expect(denied.headers['cache-control']).toBe('no-store');
    expect((await stack.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers malformed and invalid requests in Dutch, without Fastify or Ajv internals', async () => {
    const cases = [
      { payload: '{"name": "kapot', type: 'application/json', expected: 'Ongeldig verzoek: de inhoud is geen geldige JSON.' },
      { payload: '', type: 'application/json', expected: 'Ongeldig verzoek: de inhoud is leeg, maar het inhoudstype is JSON.' },
      { payload: JSON.stringify({}), type: 'application/json', expected: "Ongeldig verzoek: het veld 'name' ontbreekt." },
      { payload: JSON.stringify({ name: 3 }), type: 'application/json', expected: "Ongeldig verzoek: 'name' moet tekst zijn." },
      { payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }), type: 'application/json', expected: expect.stringContaining('hooguit 1 MB') },
      { payload: 'name=x', type: 'application/x-www-form-urlencoded', expected: expect.stringContaining('inhoudstype wordt hier niet ondersteund') },
    ];
    for (const c of cases) {
      const res = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: { ...auth(), 'content-type': c.type }, payload: c.payload });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.json().message).toEqual(c.expected);
      expect(res.body).not.toMatch(/FST_|Unexpected|must have|body\//);
    }
    const badId = await stack.app.inject({ method: 'GET', url: '/v1/batches/123', headers: auth() });
    expect(badId.json().message).toBe("Ongeldig verzoek: 'id' is geen geldig id.");
  });

  it('names the allowed grounds, and refuses a manual box outside the page with 400', async () => {
    const doc = await documentInReview(stack, stack.tokens.coordinator, batchId);
    const post = (payload: object) => stack.app.inject({ method: 'POST', url: `/v1/documents/${doc}/redactions`, headers: auth(stack.tokens.reviewer), payload });
    const ground = await post({ page: 1, boxes: [{ x: 1, y: 1, width: 5, height: 5 }], ground: '5.1.9z' });
    expect(ground.statusCode).toBe(400);
    expect(ground.json().message).toMatch(/^Ongeldig verzoek: 'ground' moet een van deze waarden zijn: .*5\.1\.2e/);
    const outside = await post({ page: 1, boxes: [{ x: 500, y: 800, width: 200, height: 20 }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toBe('Vak 1 valt (deels) buiten pagina 1 of is leeg; de pagina is 595 × 842 punten (x, y vanaf linksboven).');
    expect((await post({ page: 1, boxes: [{ x: 500, y: 800, width: 50, height: 20 }] })).statusCode).toBe(201);
  });

  it('limits requests per token, stricter for uploads, and per client address before the token is looked up', async () => {
    const token = await createApiToken(stack.context.db, 'coordinator', 'Druk');
    const upload = async () => {
      const body = multipart([{ name: 'a.pdf', bytes: await textPdf([['x']]) }]);
      return stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/documents`, headers: { ...auth(token), ...body.headers }, payload: body.payload });
    };
    expect([(await upload()).statusCode, (await upload()).statusCode, (await upload()).statusCode]).toEqual([202, 202, 202]);
    const fourth = await upload();
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().message).toMatch(/^Te veel verzoeken\. Probeer het over \d+ seconden opnieuw\.$/);

    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}`, headers: auth(token) })).statusCode);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0); // 30 a minute, uploads included
    expect((await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}`, headers: auth() })).statusCode).toBe(200); // other tokens go on

    const guesses: number[] = [];
    for (let i = 0; i < 61; i++) {
      guesses.push((await stack.app.inject({ method: 'GET', url: '/v1/batches', headers: auth(`woo_gok${i}`), remoteAddress: '203.0.113.9' })).statusCode);
    }
    expect(guesses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expect(guesses[60]).toBe(429);
  });
});
