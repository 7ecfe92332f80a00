import { DocumentError } from '@woo/core';
import { failDocument, getDocument, saveExtraction, transition } from '@woo/db';
import { documentInReview, multipart, probeInfra, startTestStack, textPdf, type TestStack } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();
const TEMPORARY = new DocumentError('internal', 'Interne fout bij het verwerken van dit document; de technische details staan in het logboek.');

describe.skipIf(!infra.ok)('retrying a failed document', () => {
  let stack: TestStack;
  let batchId: string;
  const as = (role: keyof TestStack['tokens']) => ({ authorization: `Bearer ${stack.tokens[role]}` });
  const retry = (id: string, role: keyof TestStack['tokens'] = 'coordinator') => stack.app.inject({ method: 'POST', url: `/v1/documents/${id}/retry`, headers: as(role) });
  const upload = async (bytes: Uint8Array) => {
    const body = multipart([{ name: 'brief.pdf', bytes }]);
    const res = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/documents`, headers: { ...as('coordinator'), ...body.headers }, payload: body.payload });
    return res.json<Array<{ id: string }>>()[0]!.id;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    batchId = (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: as('coordinator'), payload: { name: 'opnieuw' } })).json<{ id: string }>().id;
  });
  afterAll(() => stack?.close());

  it('resumes after the last good stage: extraction again, OCR of the unread pages, or review', async () => {
    const db = stack.context.db;
    const fresh = await upload(await textPdf([['Jan Jansen']]));
    // its first extract job is still in Redis under the same id: the retry replaces it
    const first = await stack.context.jobs.queues.extract.getJob(`${fresh}.extract`);
    await failDocument(db, fresh, TEMPORARY);
    expect((await retry(fresh)).json()).toEqual({ id: fresh, status: 'queued' });
    const again = await stack.context.jobs.queues.extract.getJob(`${fresh}.extract`);
    expect(await again?.getState()).toBe('waiting');
    expect(again!.timestamp).toBeGreaterThanOrEqual(first!.timestamp);
    expect(await getDocument(db, fresh)).toMatchObject({ status: 'queued', errorMessage: null });

    const scanned = await upload(await textPdf([['Jan Jansen']]));
    await transition(db, scanned, ['queued'], 'extracting');
    await saveExtraction(db, scanned, { pages: [1, 2].map((number) => ({ number, width: 595, height: 842, source: 'none' as const, needsOcr: number === 2, words: [] })) }, 'ocr');
    await failDocument(db, scanned, TEMPORARY);
    expect((await retry(scanned, 'admin')).json()).toEqual({ id: scanned, status: 'ocr' });
    expect(await (await stack.context.jobs.queues.ocr.getJob(`${scanned}.ocr.2`))?.getState()).toBe('waiting');
    expect(await stack.context.jobs.queues.ocr.getJob(`${scanned}.ocr.1`)).toBeUndefined();

    const reviewed = await documentInReview(stack, stack.tokens.coordinator, batchId);
    await failDocument(db, reviewed, TEMPORARY);
    expect((await retry(reviewed)).json()).toEqual({ id: reviewed, status: 'in_review' });
    const audit = (await stack.app.inject({ method: 'GET', url: `/v1/documents/${reviewed}/audit`, headers: as('coordinator') })).json<Array<{ action: string; details: unknown }>>();
    expect(audit.at(-1)).toMatchObject({ action: 'document.retried', details: { stage: 'in_review', error: TEMPORARY.message } });
  });

  it('refuses reviewers, documents that did not fail and uploads that were never stored', async () => {
    const inReview = await documentInReview(stack, stack.tokens.coordinator, batchId);
    expect((await retry(inReview, 'reviewer')).statusCode).toBe(403);
    const notFailed = await retry(inReview);
    expect(notFailed.statusCode).toBe(409);
    expect(notFailed.json().message).toContain("status 'in_review'");
    const empty = await upload(new Uint8Array());
    const rejected = await retry(empty);
    expect(rejected.statusCode).toBe(409);
    expect(rejected.json().message).toContain('niet bewaard');
  });
});
