import { createApiToken, listApiTokens, listDocumentAudit, listRedactions, revokeApiToken } from '@woo/db';
import { buildServer } from '@woo/http';
import { intakeApp } from '@woo/intake';
import { documentInReview, multipart, nameSuggestion, probeInfra, startTestStack, textPdf, type TestStack } from '@woo/testkit';
import type { FastifyPluginAsync } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewApp } from '../src/app.js';

const infra = await probeInfra();
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const MISSING = '00000000-0000-4000-8000-000000000000';


describe.skipIf(!infra.ok)('access per team', () => {
  let stack: TestStack;
  const t = { wonenCoordinator: '', wonenReviewer: '', jeugdCoordinator: '', jeugdReviewer: '', jeugdPublisher: '' };
  let batchId: string;
  let documentId: string;
  let redactionId: string;

  /** Every /v1 route that names something, with `:id` filled in by the kind of thing it names. */
  const routes = () => [
    { method: 'GET', url: `/v1/batches/${batchId}` },
    { method: 'POST', url: `/v1/batches/${batchId}/teams`, payload: { teams: ['jeugd'] } },
    { method: 'POST', url: `/v1/batches/${batchId}/documents`, upload: true },
    { method: 'POST', url: `/v1/batches/${batchId}/export`, payload: {} },
    { method: 'POST', url: `/v1/batches/${batchId}/redactions/bulk`, payload: { match: { status: 'suggested' }, set: { status: 'rejected' } } },
    { method: 'GET', url: `/v1/batches/${batchId}/inventory.csv` },
    { method: 'GET', url: `/v1/batches/${batchId}/search?text=Jansen` },
    { method: 'POST', url: `/v1/batches/${batchId}/search/redactions`, payload: { text: 'Jansen' } },
    { method: 'GET', url: `/v1/batches/${batchId}/decisions` },
    { method: 'POST', url: `/v1/batches/${batchId}/decisions`, payload: { entity: { kind: 'text', value: 'Jansen' }, set: { status: 'rejected' }, dryRun: true } },
    { method: 'GET', url: `/v1/batches/${batchId}/consistency` },
    { method: 'POST', url: `/v1/batches/${batchId}/consistency/allow`, payload: { text: 'Jansen', reason: 'toets' } },
    { method: 'GET', url: `/v1/batches/${batchId}/duplicates` },
    { method: 'GET', url: `/v1/batches/${batchId}/inventory.xlsx` },
    { method: 'GET', url: `/v1/batches/${batchId}/diwoo.xml` },
    { method: 'GET', url: `/v1/batches/${batchId}/onderbouwingsrapport.pdf` },
    { method: 'GET', url: `/v1/documents/${documentId}/lakkingen.csv` },
    { method: 'GET', url: `/v1/documents/${documentId}/rapport.json` },
    { method: 'GET', url: `/v1/batches/${batchId}/verwerkingslog.json` },
    { method: 'GET', url: `/v1/public/batches/${batchId}` },
    { method: 'GET', url: `/v1/documents/${documentId}` },
    { method: 'GET', url: `/v1/documents/${documentId}/audit` },
    { method: 'POST', url: `/v1/documents/${documentId}/retry` },
    { method: 'GET', url: `/v1/documents/${documentId}/original.pdf` },
    { method: 'GET', url: `/v1/documents/${documentId}/source` },
    { method: 'GET', url: `/v1/documents/${documentId}/redactions` },
    { method: 'POST', url: `/v1/documents/${documentId}/redactions`, payload: { text: 'Jansen' } },
    { method: 'POST', url: `/v1/documents/${documentId}/redactions/bulk`, payload: { match: { status: 'suggested' }, set: { status: 'rejected' } } },
    { method: 'POST', url: `/v1/documents/${documentId}/export`, payload: { policy: 'accept-suggested' } },
    { method: 'GET', url: `/v1/documents/${documentId}/export.pdf` },
    { method: 'GET', url: `/v1/documents/${documentId}/page-checks` },
    { method: 'PUT', url: `/v1/documents/${documentId}/page-checks`, payload: { page: 1, checked: true } },
    { method: 'PATCH', url: `/v1/redactions/${redactionId}`, payload: { status: 'rejected' } },
  ];

  async function call(token: string, route: ReturnType<typeof routes>[number]) {
    if (route.upload) {
      const body = multipart([{ name: 'binnengesmokkeld.pdf', bytes: await textPdf([['x']]) }]);
      return stack.app.inject({ method: 'POST', url: route.url, headers: { ...auth(token), ...body.headers }, payload: body.payload });
    }
    return stack.app.inject({ method: route.method as 'GET', url: route.url, headers: auth(token), ...(route.payload ? { payload: route.payload } : {}) });
  }

  beforeAll(async () => {
    stack = await startTestStack();
    const db = stack.context.db;
    t.wonenCoordinator = await createApiToken(db, 'coordinator', 'Coördinator wonen', { teams: ['wonen'] });
    t.wonenReviewer = await createApiToken(db, 'reviewer', 'J. Jansen', { teams: ['wonen', 'milieu'] });
    t.jeugdCoordinator = await createApiToken(db, 'coordinator', 'Coördinator jeugd', { teams: ['jeugd'] });
    t.jeugdReviewer = await createApiToken(db, 'reviewer', 'Jurist jeugd', { teams: ['jeugd'] });
    t.jeugdPublisher = await createApiToken(db, 'publisher', 'Publicatie jeugd', { teams: ['jeugd'] });
    const created = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(t.wonenCoordinator), payload: { name: 'Woo-verzoek wonen' } });
    expect(created.json()).toMatchObject({ teams: ['wonen'] });
    batchId = created.json().id;
    documentId = await documentInReview(stack, t.wonenCoordinator, batchId, [nameSuggestion('Jan Jansen')]);
    redactionId = (await listRedactions(db, documentId))[0]!.id;
  });
  afterAll(() => stack?.close());

  it('answers 404 on every route of another team, for every role, exactly as for an unknown id, and changes nothing', async () => {
    const auditBefore = await listDocumentAudit(stack.context.db, documentId);
    const checked = new Set<string>();
    for (const token of [t.jeugdCoordinator, t.jeugdReviewer, t.jeugdPublisher]) {
      for (const route of routes()) {
        const res = await call(token, route);
        // a reviewer may get 403 for a coordinator's route: the role check comes first and says nothing about the id
        if (res.statusCode === 403) continue;
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
        const unknown = await call(token, { ...route, url: route.url.replace(/[0-9a-f-]{36}/, MISSING) });
        expect(res.json(), `${route.method} ${route.url}`).toEqual(unknown.json());
        checked.add(`${route.method} ${route.url}`);
      }
    }
    expect(checked.size).toBe(routes().length);
    expect(await listDocumentAudit(stack.context.db, documentId)).toEqual(auditBefore);
    expect((await listRedactions(stack.context.db, documentId))[0]!.status).toBe('suggested');
    const batch = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}`, headers: auth(t.wonenReviewer) });
    expect(batch.json().documents).toHaveLength(1);
  });

  it('covers every /v1 route with an id in the test above', async () => {
    const registered: string[] = [];
    const collect: FastifyPluginAsync = async (fastify) => {
      fastify.addHook('onRoute', (r) => {
        if (r.url.includes(':id') && r.method !== 'HEAD') registered.push(`${String(r.method)} ${r.url}`);
      });
      await fastify.register(intakeApp);
      await fastify.register(reviewApp);
    };
    const app = await buildServer({ config: stack.app.config, context: stack.context, apps: [collect], title: 'routes', logger: false });
    await app.close();
    const tested = routes().map((r) => `${r.method} ${r.url.replace(/[0-9a-f-]{36}/, ':id').replace(/\?.*/, '')}`);
    expect([...registered].sort()).toEqual([...tested].sort());
  });

  it('lets the own team in, and a coordinator share the batch with another team', async () => {
    expect((await stack.app.inject({ method: 'GET', url: `/v1/documents/${documentId}/redactions`, headers: auth(t.wonenReviewer) })).statusCode).toBe(200);
    expect((await stack.app.inject({ method: 'GET', url: '/v1/batches', headers: auth(t.jeugdReviewer) })).json()).toEqual([]);
    const refused = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/teams`, headers: auth(t.wonenReviewer), payload: { teams: ['jeugd'] } });
    expect(refused.statusCode).toBe(403);
    const shared = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/teams`, headers: auth(t.wonenCoordinator), payload: { teams: ['jeugd'] } });
    expect(shared.json()).toEqual({ id: batchId, teams: ['jeugd', 'wonen'] });
    const list = await stack.app.inject({ method: 'GET', url: '/v1/batches', headers: auth(t.jeugdReviewer) });
    expect(list.json()).toEqual([
      expect.objectContaining({ id: batchId, name: 'Woo-verzoek wonen', teams: ['jeugd', 'wonen'], openSuggestions: 1, documents: expect.objectContaining({ in_review: 1, queued: 0 }) }),
    ]);
    expect((await stack.app.inject({ method: 'GET', url: `/v1/documents/${documentId}`, headers: auth(t.jeugdReviewer) })).statusCode).toBe(200);
  });

  it('shows admins every batch; a token of several teams must say which one a new batch is for', async () => {
    const all = await stack.app.inject({ method: 'GET', url: '/v1/batches', headers: auth(stack.tokens.admin) });
    expect(all.json().map((b: { id: string }) => b.id)).toContain(batchId);
    const multi = await createApiToken(stack.context.db, 'coordinator', 'Twee teams', { teams: ['wonen', 'jeugd'] });
    const ambiguous = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(multi), payload: { name: 'x' } });
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().message).toContain('welk team');
    const notMine = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(multi), payload: { name: 'x', team: 'milieu' } });
    expect(notMine.json().message).toContain("geen lid van team 'milieu'");
    const chosen = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(multi), payload: { name: 'x', team: 'jeugd' } });
    expect(chosen.json().teams).toEqual(['jeugd']);
  });

  it('audits downloads of originals with the token id and name', async () => {
    const res = await stack.app.inject({ method: 'GET', url: `/v1/documents/${documentId}/original.pdf`, headers: auth(t.wonenReviewer) });
    expect(res.statusCode).toBe(200);
    const id = (await listApiTokens(stack.context.db)).find((x) => x.name === 'J. Jansen')!.id;
    const audit = await listDocumentAudit(stack.context.db, documentId);
    expect(audit.at(-1)).toMatchObject({ action: 'original.downloaded', actor: 'J. Jansen', actorId: id, role: 'reviewer' });
  });

  it('refuses revoked and expired tokens with 401', async () => {
    const expired = await createApiToken(stack.context.db, 'reviewer', 'Tijdelijk', { teams: ['wonen'], expiresAt: new Date(Date.now() - 1000) });
    const revoked = await createApiToken(stack.context.db, 'reviewer', 'Vertrokken', { teams: ['wonen'] });
    const url = `/v1/documents/${documentId}`;
    expect((await stack.app.inject({ method: 'GET', url, headers: auth(revoked) })).statusCode).toBe(200);
    const id = (await listApiTokens(stack.context.db)).find((x) => x.name === 'Vertrokken')!.id;
    expect(await revokeApiToken(stack.context.db, id)).toBe(true);
    for (const token of [expired, revoked]) {
      const res = await stack.app.inject({ method: 'GET', url, headers: auth(token) });
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toContain('verlopen of ingetrokken');
    }
  });

  it('refuses to start with a /v1 route that declares no roles', async () => {
    const undeclared: FastifyPluginAsync = async (fastify) => {
      fastify.get('/v1/vergeten', async () => ({ open: true }));
    };
    await expect(buildServer({ config: stack.app.config, context: stack.context, apps: [undeclared], title: 'x', logger: false })).rejects.toThrow(/config\.roles/);
    const noResource: FastifyPluginAsync = async (fastify) => {
      fastify.get('/v1/dingen/:id', { config: { roles: ['reviewer'] } }, async () => ({}));
    };
    await expect(buildServer({ config: stack.app.config, context: stack.context, apps: [noResource], title: 'x', logger: false })).rejects.toThrow(/config\.resource/);
  });
});
