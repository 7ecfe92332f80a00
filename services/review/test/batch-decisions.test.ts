import { listDocumentAudit, listRedactions } from '@woo/db';
import { documentInReview, nameSuggestion, probeInfra, startTestStack, type TestStack } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();


describe.skipIf(!infra.ok)('decisions across a batch', () => {
  let stack: TestStack;
  let batchId: string;
  let otherBatchId: string;
  const docs: string[] = [];
  let elsewhere: string;
  const auth = () => ({ authorization: `Bearer ${stack.tokens.reviewer}` });
  const bulk = (batch: string, payload: object) => stack.app.inject({ method: 'POST', url: `/v1/batches/${batch}/redactions/bulk`, headers: auth(), payload });
  const statuses = async (documentId: string) => (await listRedactions(stack.context.db, documentId)).map((r) => `${r.text}:${r.status}:${r.ground}`);

  beforeAll(async () => {
    stack = await startTestStack();
    const batch = async (name: string) =>
      (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: { authorization: `Bearer ${stack.tokens.coordinator}` }, payload: { name } })).json<{ id: string }>().id;
    batchId = await batch('Dossier');
    otherBatchId = await batch('Ander dossier');
    for (let i = 0; i < 2; i++) docs.push(await documentInReview(stack, stack.tokens.coordinator, batchId, [nameSuggestion('Jan Jansen'), nameSuggestion('Piet Puk', 200)]));
    elsewhere = await documentInReview(stack, stack.tokens.coordinator, otherBatchId, [nameSuggestion('Jan Jansen')]);
  });
  afterAll(() => stack?.close());

  it('counts first without changing anything, then decides every occurrence in the batch, audited', async () => {
    const counted = await bulk(batchId, { match: { text: 'jan jansen' }, set: { status: 'accepted' }, dryRun: true });
    expect(counted.json()).toEqual({ documents: 2, updated: 2, redactions: [], previous: [] });
    expect(await statuses(docs[0]!)).toEqual(['Jan Jansen:suggested:5.1.2e', 'Piet Puk:suggested:5.1.2e']);

    const done = await bulk(batchId, { match: { text: 'Jan Jansen' }, set: { status: 'accepted', ground: '5.1.2i' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ documents: 2, updated: 2 });
    expect(done.json().previous.map((p: { status: string }) => p.status)).toEqual(['suggested', 'suggested']);
    for (const d of docs) expect(await statuses(d)).toEqual(['Jan Jansen:accepted:5.1.2i', 'Piet Puk:suggested:5.1.2e']);
    expect(await statuses(elsewhere)).toEqual(['Jan Jansen:suggested:5.1.2e']);
    const audit = await listDocumentAudit(stack.context.db, docs[1]!);
    expect(audit.at(-1)).toMatchObject({ action: 'redaction.decided', actor: 'Jurist', details: { from: 'suggested', to: 'accepted', ground: '5.1.2i', previousGround: '5.1.2e' } });
  });

  it('undoes by ids (back to open with the old ground), in one document when asked, and never outside the batch', async () => {
    const ids = (await listRedactions(stack.context.db, docs[0]!)).filter((r) => r.text === 'Jan Jansen').map((r) => r.id);
    const undone = await bulk(batchId, { match: { ids }, set: { status: 'suggested', ground: '5.1.2e' } });
    expect(undone.json()).toMatchObject({ documents: 1, updated: 1 });
    expect(await statuses(docs[0]!)).toEqual(['Jan Jansen:suggested:5.1.2e', 'Piet Puk:suggested:5.1.2e']);

    const one = await bulk(batchId, { match: { text: 'Piet Puk', documentId: docs[1] }, set: { status: 'rejected' } });
    expect(one.json()).toMatchObject({ documents: 1, updated: 1 });
    expect(await statuses(docs[0]!)).toContain('Piet Puk:suggested:5.1.2e');

    const foreign = (await listRedactions(stack.context.db, elsewhere)).map((r) => r.id);
    expect((await bulk(batchId, { match: { ids: foreign }, set: { status: 'rejected' } })).json()).toMatchObject({ updated: 0 });
    expect((await bulk(batchId, { match: { documentId: elsewhere }, set: { status: 'rejected' } })).json()).toMatchObject({ updated: 0 });
    expect(await statuses(elsewhere)).toEqual(['Jan Jansen:suggested:5.1.2e']);
  });

  it('refuses a coordinator, an empty match and a status a reviewer cannot set, in Dutch', async () => {
    const coordinator = await stack.app.inject({
      method: 'POST',
      url: `/v1/batches/${batchId}/redactions/bulk`,
      headers: { authorization: `Bearer ${stack.tokens.coordinator}` },
      payload: { match: { text: 'x' }, set: { status: 'accepted' } },
    });
    expect(coordinator.statusCode).toBe(403);
    expect((await bulk(batchId, { match: {}, set: { status: 'accepted' } })).statusCode).toBe(400);
    const manual = await bulk(batchId, { match: { text: 'x' }, set: { status: 'manual' } });
    expect(manual.statusCode).toBe(400);
    expect(manual.json().message).toMatch(/[a-z]/);
  });
});
