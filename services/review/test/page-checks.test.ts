import { listDocumentAudit, listRedactions } from '@woo/db';
import { documentInReview, nameSuggestion, probeInfra, startTestStack, type TestStack } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();

describe.skipIf(!infra.ok)('the page checklist and several grounds per box', () => {
  let stack: TestStack;
  let batchId: string;
  let documentId: string;
  const as = (role: 'reviewer' | 'coordinator') => ({ authorization: `Bearer ${stack.tokens[role]}` });
  const check = (payload: object, role: 'reviewer' | 'coordinator' = 'reviewer') =>
    stack.app.inject({ method: 'PUT', url: `/v1/documents/${documentId}/page-checks`, headers: as(role), payload });

  beforeAll(async () => {
    stack = await startTestStack();
    batchId = (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: as('coordinator'), payload: { name: 'Dossier' } })).json<{ id: string }>().id;
    documentId = await documentInReview(stack, stack.tokens.coordinator, batchId, [nameSuggestion('Jan Jansen')]);
  });
  afterAll(() => stack?.close());

  it('keeps a checked page across requests, audits marking and unmarking once, and refuses a page that does not exist', async () => {
    expect((await check({ page: 1, checked: true })).json()).toEqual({ checkedPages: [1] });
    expect((await check({ page: 1, checked: true })).json()).toEqual({ checkedPages: [1] });
    const read = await stack.app.inject({ method: 'GET', url: `/v1/documents/${documentId}/page-checks`, headers: as('coordinator') });
    expect(read.json()).toEqual({ checkedPages: [1] });
    expect((await check({ page: 1, checked: false })).json()).toEqual({ checkedPages: [] });
    const audit = (await listDocumentAudit(stack.context.db, documentId)).filter((e) => e.action.startsWith('page.'));
    expect(audit.map((e) => [e.action, e.details])).toEqual([
      ['page.checked', { page: 1 }],
      ['page.unchecked', { page: 1 }],
    ]);
    const missing = await check({ page: 2, checked: true });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe("Pagina 2 bestaat niet; het document heeft 1 pagina's.");
    expect((await check({ page: 1, checked: true }, 'coordinator')).statusCode).toBe(403);
  });

  it('stores further grounds with a decision, audits them, and puts them back on undo', async () => {
    const [r] = await listRedactions(stack.context.db, documentId);
    const bulk = (set: object) => stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/redactions/bulk`, headers: as('reviewer'), payload: { match: { ids: [r!.id] }, set } });
    const decided = await bulk({ status: 'accepted', ground: '5.1.2e', additionalGrounds: ['5.1.2i', '5.1.2e', '5.1.2i'] });
    expect(decided.json().redactions[0]).toMatchObject({ ground: '5.1.2e', additionalGrounds: ['5.1.2i'], documentId });
    expect(decided.json().previous).toEqual([{ id: r!.id, status: 'suggested', ground: '5.1.2e', additionalGrounds: [] }]);
    const audit = await listDocumentAudit(stack.context.db, documentId);
    expect(audit.at(-1)!.details).toEqual({ from: 'suggested', to: 'accepted', ground: '5.1.2e', additionalGrounds: ['5.1.2i'], previousAdditionalGrounds: [] });

    // a decision without grounds keeps them; one with a ground replaces them
    await bulk({ status: 'rejected' });
    expect((await listRedactions(stack.context.db, documentId))[0]!.additionalGrounds).toEqual(['5.1.2i']);
    await bulk({ status: 'suggested', ground: '5.1.2e', additionalGrounds: [] });
    expect((await listRedactions(stack.context.db, documentId))[0]).toMatchObject({ status: 'suggested', additionalGrounds: [] });
  });
});
