import { readdirSync } from 'node:fs';
import { multipart, probeInfra, startTestStack, textPdf, type TestStack } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();

describe.skipIf(!infra.ok)('uploads: all or nothing, limits first, idempotent', () => {
  let stack: TestStack;
  let pdf: Uint8Array;
  const auth = () => ({ authorization: `Bearer ${stack.tokens.coordinator}` });
  const newBatch = async () => (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(), payload: { name: 'upload' } })).json<{ id: string }>().id;
  const upload = (batchId: string, files: { name: string; bytes: Uint8Array }[], headers: Record<string, string> = {}) => {
    const body = multipart(files);
    return stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/documents`, headers: { ...auth(), ...body.headers, ...headers }, payload: body.payload });
  };
  const documents = async (batchId: string) => (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}`, headers: auth() })).json<{ documents: unknown[] }>().documents;
  const blobs = () => readdirSync(stack.env.BLOB_DIR!, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

  beforeAll(async () => {
    stack = await startTestStack({ env: { MAX_FILES_PER_UPLOAD: '2', MAX_UPLOAD_REQUEST_MB: '1', MAX_DOCUMENTS_PER_BATCH: '3' } });
    pdf = await textPdf([['Jan Jansen']]);
  });
  afterAll(() => stack?.close());

  it('gives a retried upload with the same Idempotency-Key the first documents, without copies', async () => {
    const batchId = await newBatch();
    const before = blobs();
    const first = await upload(batchId, [{ name: 'a.pdf', bytes: pdf }], { 'idempotency-key': 'upload-1' });
    expect(first.statusCode).toBe(202);
    const again = await upload(batchId, [{ name: 'a.pdf', bytes: pdf }], { 'idempotency-key': 'upload-1' });
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    // two at the same moment with a new key: one records, the other waits for it and replays it
    const [x, y] = await Promise.all([1, 2].map(() => upload(batchId, [{ name: 'b.pdf', bytes: pdf }], { 'idempotency-key': 'upload-2' })));
    expect(x!.json()).toEqual(y!.json());
    expect(await documents(batchId)).toHaveLength(2);
    expect(blobs() - before).toBe(2);
    expect(await stack.context.jobs.queues.extract.count()).toBe(2);
    const other = await upload(batchId, [{ name: 'c.pdf', bytes: pdf }], { 'idempotency-key': 'upload-3' });
    expect(other.json()[0].id).not.toBe(first.json()[0].id);
    const bad = await upload(batchId, [{ name: 'c.pdf', bytes: pdf }], { 'idempotency-key': 'met spatie' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Idempotency-Key');
  });

  it('records nothing and keeps no bytes when a request has too many files', async () => {
    const batchId = await newBatch();
    const before = blobs();
    const res = await upload(batchId, [1, 2, 3].map((i) => ({ name: `${i}.pdf`, bytes: pdf })));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toContain('hooguit 2 bestanden');
    expect(await documents(batchId)).toEqual([]);
    expect(blobs()).toBe(before);
  });

  it('refuses a request over the size limit before storing anything', async () => {
    const batchId = await newBatch();
    const before = blobs();
    const big = new Uint8Array(1.2 * 1024 * 1024).fill(0x41);
    const res = await upload(batchId, [{ name: 'groot.pdf', bytes: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('Deze upload is groter dan de toegestane 1 MB per verzoek; er is niets opgeslagen. Verdeel de bestanden over meer uploads.');
    expect(await documents(batchId)).toEqual([]);
    expect(blobs()).toBe(before);
  });

  it('refuses an upload that would take the batch past MAX_DOCUMENTS_PER_BATCH, keeping nothing of it', async () => {
    const batchId = await newBatch();
    expect((await upload(batchId, [1, 2].map((i) => ({ name: `${i}.pdf`, bytes: pdf })))).statusCode).toBe(202);
    const before = blobs();
    const res = await upload(batchId, [3, 4].map((i) => ({ name: `${i}.pdf`, bytes: pdf })));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/^Deze batch mag hooguit 3 documenten bevatten \(MAX_DOCUMENTS_PER_BATCH\)/);
    expect(await documents(batchId)).toHaveLength(2);
    expect(blobs()).toBe(before);
    expect((await upload(batchId, [{ name: '3.pdf', bytes: pdf }])).statusCode).toBe(202);
  });
});
