import { probeInfra, useTestDatabase } from '@woo/testkit';
import { describe, expect, it } from 'vitest';
import {
  addDocument,
  createBatch,
  familyDocuments,
  familyMemberId,
  getDocument,
  listBatchDocuments,
  migrate,
  needsConversion,
  openDatabase,
  saveConversion,
  type Actor,
  type ConvertedDocument,
  type Database,
} from '../src/index.js';

const coordinator: Actor = { name: 'Coördinator', role: 'coordinator' };
const infra = await probeInfra();

/** An e-mail with a PDF attachment and an attachment of a kind that is not processed. */
const parts: ConvertedDocument[] = [
  { filename: 'bericht.eml', kind: 'eml', sizeBytes: 10, sourceKey: 'bron-bericht', working: { key: 'pdf-bericht', isPdf: true }, familyPosition: 0, unhidden: [], threadId: 'abcdef012345' },
  { filename: 'bericht.eml › brief.pdf', kind: 'pdf', sizeBytes: 5, sourceKey: 'bron-brief', working: { key: 'bron-brief', isPdf: true }, familyPosition: 1, parentPosition: 0, unhidden: [], threadId: 'abcdef012345' },
  {
    filename: 'bericht.eml › lijst.txt',
    kind: null,
    sizeBytes: 3,
    sourceKey: 'bron-lijst',
    failure: { code: 'unsupported', message: 'Dit bestandstype (.txt) wordt niet ondersteund; het is niet verwerkt.' },
    familyPosition: 2,
    parentPosition: 0,
    unhidden: [],
  },
];

async function converts(db: Database): Promise<void> {
  const batch = await createBatch(db, 'post', coordinator);
  const upload = await addDocument(db, { batchId: batch.id, filename: 'bericht.eml', sizeBytes: 10, accepted: { kind: 'eml', originalKey: 'bron-bericht' } }, coordinator);
  expect(needsConversion(upload)).toBe(true);
  expect(upload).toMatchObject({ originalKey: null, pdfKey: null, sourceKey: 'bron-bericht', status: 'queued' });

  // two attempts of the job at once: one records, the other changes nothing
  const saved = await Promise.all([saveConversion(db, upload.id, parts), saveConversion(db, upload.id, parts)]);
  expect(saved.sort()).toEqual([false, true]);
  expect(await saveConversion(db, upload.id, parts)).toBe(false);

  const docs = await listBatchDocuments(db, batch.id);
  expect(docs.map((d) => [d.number, d.filename, d.status, d.kind])).toEqual([
    [1, 'bericht.eml', 'queued', 'eml'],
    [2, 'bericht.eml › brief.pdf', 'queued', 'pdf'],
    [3, 'bericht.eml › lijst.txt', 'failed', null],
  ]);
  expect(docs.map((d) => d.family)).toEqual([
    { id: upload.id, position: 0, parentDocumentId: null },
    { id: upload.id, position: 1, parentDocumentId: upload.id },
    { id: upload.id, position: 2, parentDocumentId: upload.id },
  ]);
  expect(docs[1]!.id).toBe(familyMemberId(upload.id, 1));
  expect(docs[1]).toMatchObject({ sourceKey: 'bron-brief', originalKey: 'bron-brief', pdfKey: 'bron-brief', threadId: 'abcdef012345' });
  expect(docs[2]).toMatchObject({ sourceKey: 'bron-lijst', originalKey: null, errorMessage: expect.stringContaining('wordt niet ondersteund') });
  expect(await getDocument(db, upload.id)).toMatchObject({ originalKey: 'pdf-bericht', pdfKey: 'pdf-bericht', sourceKey: 'bron-bericht' });
  expect((await familyDocuments(db, upload.id)).map((d) => d.family?.position)).toEqual([0, 1, 2]);
  // the unique family key holds even against an insert that bypasses the deterministic ids
  await expect(
    db.query(`INSERT INTO documents (id, batch_id, number, filename, size_bytes, status, family_id, family_position) VALUES (gen_random_uuid(), $1, 99, 'x', 1, 'queued', $2, 1)`, [batch.id, upload.id]),
  ).rejects.toThrow(/documents_family_position|duplicate key/);

  // attachments count towards MAX_DOCUMENTS_PER_BATCH: past it, the upload fails whole, in Dutch
  const full = await addDocument(db, { batchId: batch.id, filename: 'nog een.eml', sizeBytes: 10, accepted: { kind: 'eml', originalKey: 'bron-2' } }, coordinator);
  expect(await saveConversion(db, full.id, parts, 5)).toBe(true);
  expect(await getDocument(db, full.id)).toMatchObject({ status: 'failed', errorCode: 'too-large', errorMessage: expect.stringContaining('boven de toegestane 5 documenten (MAX_DOCUMENTS_PER_BATCH)') });
  expect(await listBatchDocuments(db, batch.id)).toHaveLength(4);
}

describe('document families', () => {
  it('records a conversion once, all or nothing, on PGlite', async () => {
    const db = await openDatabase({});
    try {
      await migrate(db);
      await converts(db);
    } finally {
      await db.close();
    }
  });

  describe.skipIf(!infra.ok)('on PostgreSQL', () => {
    const { db } = useTestDatabase('t_families');
    it('records a conversion once, all or nothing, also with two attempts at once', async () => converts(db()));
  });
});
