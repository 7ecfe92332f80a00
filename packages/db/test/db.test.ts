import { applyExportPolicy, DocumentError, WEAK_HINT_THRESHOLD, type ExtractedDocument, type Redaction } from '@woo/core';
import { probeInfra, TEST_DATABASE_URL, useTestDatabase } from '@woo/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addDocument,
  addManualRedactions,
  canAccess,
  ConflictError,
  countRedactions,
  createApiToken,
  createBatch,
  decideMatching,
  decideRedaction,
  findTokenOwner,
  getDocument,
  listDocumentAudit,
  listRedactions,
  listVisibleBatches,
  loadExtractedDocument,
  migrate,
  openDatabase,
  requestExport,
  saveDetection,
  saveExport,
  saveExtraction,
  transition,
  type Actor,
  type Database,
} from '../src/index.js';

const infra = await probeInfra({ postgres: true });
const reviewer: Actor = { name: 'Beoordelaar', role: 'reviewer' };
const coordinator: Actor = { name: 'Coördinator', role: 'coordinator' };

const doc: ExtractedDocument = {
  pages: [
    {
      number: 1,
      width: 595,
      height: 842,
      source: 'text-layer',
      needsOcr: false,
      words: [{ text: 'Jan', box: { x: 10, y: 10, width: 20, height: 10 }, charEdges: [10, 17, 24, 30] }],
    },
  ],
};

function suggestion(text: string, n: number): Redaction {
  return {
    id: `r${n}`,
    page: 1,
    boxes: [{ x: 10, y: 10 * n, width: 20, height: 10 }],
    text,
    category: 'name',
    ground: '5.1.2e',
    confidence: 0.9,
    detector: 'names/test',
    explanation: 'voornaam',
    status: 'suggested',
    needsReview: false,
  };
}

/** A document that went through extraction and detection, ready for review. */
async function reviewedDocument(db: Database, suggestions: Redaction[]) {
  const batch = await createBatch(db, 'Woo-verzoek 2024-17', coordinator);
  const d = await addDocument(db, { batchId: batch.id, filename: 'brief.pdf', sizeBytes: 10, accepted: { kind: 'pdf', originalKey: 'k' } }, coordinator);
  expect(await transition(db, d.id, ['queued'], 'extracting')).toBe(true);
  expect(await saveExtraction(db, d.id, doc, 'detecting')).toBe(true);
  expect(await saveDetection(db, d.id, suggestions)).toBe(true);
  return d;
}

describe.skipIf(!infra.ok)('@woo/db on PostgreSQL', () => {
  const { schema, db: testDb } = useTestDatabase('t_db');
  let db: Database;
  beforeAll(() => {
    db = testDb();
  });

  it('migrates once, even when several processes start at the same moment', async () => {
    const others = await Promise.all([1, 2, 3].map(() => openDatabase({ url: TEST_DATABASE_URL, schema })));
    const applied = await Promise.all(others.map((o) => migrate(o, schema)));
    await Promise.all(others.map((o) => o.close()));
    expect(applied.flat()).toEqual([]);
  });

  it('stores only the hash of a token and finds its owner', async () => {
    const token = await createApiToken(db, 'reviewer', 'Jurist');
    expect(await findTokenOwner(db, token)).toMatchObject({ name: 'Jurist', role: 'reviewer' });
    expect(await findTokenOwner(db, `${token}x`)).toBeUndefined();
    const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
    expect(rows.some((r) => r.token_hash.includes(token))).toBe(false);
  });

  it('replaces suggestions when detection runs again, and never after the document is in review', async () => {
    const d = await reviewedDocument(db, [suggestion('Jan', 1), suggestion('Piet', 2)]);
    // a second attempt of the same detect job finds the document in review and changes nothing
    expect(await saveDetection(db, d.id, [suggestion('Jan', 1), suggestion('Piet', 2)])).toBe(false);
    expect(await listRedactions(db, d.id)).toHaveLength(2);
    expect((await loadExtractedDocument(db, d.id)).pages[0]!.words[0]!.text).toBe('Jan');
  });

  it('records decisions with who and when, and audits each in the same transaction', async () => {
    const d = await reviewedDocument(db, [suggestion('Jan', 1), suggestion('Piet', 2), suggestion('jan', 3)]);
    const [first] = await listRedactions(db, d.id);
    const decided = await decideRedaction(db, first!.id, { status: 'rejected' }, reviewer);
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: 'Beoordelaar' });
    const bulk = await decideMatching(db, d.id, { text: 'JAN', status: 'suggested' }, { status: 'accepted', ground: '5.1.1d' }, reviewer);
    expect(bulk.map((r) => r.text)).toEqual(['jan']);
    expect(bulk[0]!.ground).toBe('5.1.1d');
    await addManualRedactions(db, d.id, [{ page: 1, boxes: [{ x: 1, y: 2, width: 3, height: 4 }], text: 'X' }], { ground: '5.1.2e' }, reviewer);
    expect(await countRedactions(db, d.id)).toEqual({ suggested: 1, accepted: 1, rejected: 1, manual: 1 });
    const audit = await listDocumentAudit(db, d.id);
    expect(audit.map((a) => a.action)).toEqual([
      'document.uploaded',
      'document.detected',
      'redaction.decided',
      'redaction.decided',
      'redaction.added',
    ]);
    expect(audit[4]).toMatchObject({ actor: 'Beoordelaar', role: 'reviewer' });
  });

  it('keeps the audit log append-only', async () => {
    await expect(db.query('UPDATE audit_log SET actor = $1', ['iemand'])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('refuses an accepted-only export while suggestions are open, in Dutch, and accepts them under accept-suggested', async () => {
    const d = await reviewedDocument(db, [suggestion('Jan', 1), suggestion('Piet', 2)]);
    await expect(requestExport(db, [d.id], 'accepted-only', coordinator)).rejects.toThrow(/nog 2 voorstellen open/);
    await expect(requestExport(db, [d.id], 'accepted-only', coordinator)).rejects.toBeInstanceOf(ConflictError);
    const [ticket] = await requestExport(db, [d.id], 'accept-suggested', coordinator);
    expect(ticket).toEqual({ documentId: d.id, revision: 1 });
    expect(await countRedactions(db, d.id)).toMatchObject({ suggested: 0, accepted: 2 });
    expect(await saveExport(db, ticket!, 'blob')).toBe(true);
    expect(await saveExport(db, ticket!, 'blob')).toBe(false);
    expect((await getDocument(db, d.id))!.status).toBe('exported');

    // a bulk decision that matches nothing leaves the export valid; a real change reopens review
    expect(await decideMatching(db, d.id, { text: 'niemand' }, { status: 'rejected' }, reviewer)).toEqual([]);
    expect((await getDocument(db, d.id))!.status).toBe('exported');
    const [first] = await listRedactions(db, d.id);
    await decideRedaction(db, first!.id, { status: 'rejected' }, reviewer);
    expect((await getDocument(db, d.id))!.status).toBe('in_review');
  });

  it('leaves weak hints open under accept-suggested, as the CLI does (one policy, @woo/core)', async () => {
    const weak = { ...suggestion('Stap', 2), confidence: WEAK_HINT_THRESHOLD - 0.1 };
    const d = await reviewedDocument(db, [suggestion('Jan', 1), weak]);
    await requestExport(db, [d.id], 'accept-suggested', coordinator);
    const byText = Object.fromEntries((await listRedactions(db, d.id)).map((r) => [r.text, r.status]));
    expect(byText).toEqual({ Jan: 'accepted', Stap: 'suggested' });
    expect(applyExportPolicy([suggestion('Jan', 1), weak], 'accept-suggested').map((r) => r.status)).toEqual(['accepted', 'suggested']);
  });

  it('refuses decisions while a document is still being processed', async () => {
    const batch = await createBatch(db, 'b', coordinator);
    const d = await addDocument(db, { batchId: batch.id, filename: 'x.pdf', sizeBytes: 1, accepted: { kind: 'pdf', originalKey: 'k' } }, coordinator);
    await expect(addManualRedactions(db, d.id, [], { ground: '5.1.2e' }, reviewer)).rejects.toThrow(/kan nu niet worden beoordeeld/);
  });

  it('records a refused upload as a failed document with its Dutch message', async () => {
    const batch = await createBatch(db, 'b', coordinator);
    const error = new DocumentError('empty', 'Dit bestand is leeg.');
    const d = await addDocument(db, { batchId: batch.id, filename: 'leeg.pdf', sizeBytes: 0, rejected: error }, coordinator);
    expect(d).toMatchObject({ status: 'failed', errorCode: 'empty', errorMessage: 'Dit bestand is leeg.', number: 1 });
  });
});

describe('@woo/db on embedded PGlite', () => {
  it('runs the same migrations and queries', async () => {
    const db = await openDatabase({});
    try {
      await migrate(db);
      const d = await reviewedDocument(db, [suggestion('Jan', 1)]);
      const [r] = await listRedactions(db, d.id);
      await decideRedaction(db, r!.id, { status: 'accepted' }, reviewer);
      expect(await countRedactions(db, d.id)).toMatchObject({ accepted: 1 });
      await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      const token = await createApiToken(db, 'reviewer', 'Jurist', { teams: ['wonen', 'jeugd'] });
      const owner = (await findTokenOwner(db, token))!;
      expect(owner.teams).toEqual(['jeugd', 'wonen']);
      // migration 009 admits the publisher role
      expect(await findTokenOwner(db, await createApiToken(db, 'publisher', 'Publicatie'))).toMatchObject({ role: 'publisher' });
      expect(await canAccess(db, 'redaction', r!.id, owner)).toBe(false);
      expect(await canAccess(db, 'redaction', r!.id, { role: 'reviewer', teams: ['standaard'] })).toBe(true);
      expect(await listVisibleBatches(db, { role: 'admin', teams: [] })).toEqual([expect.objectContaining({ teams: ['standaard'], openSuggestions: 0 })]);
    } finally {
      await db.close();
    }
  });
});
