import { buildTextIndex } from '@woo/core';
import { listDocumentAudit, listRedactions, loadExtractedDocument, saveDetection, saveExtraction, transition, type RedactionRecord } from '@woo/db';
import { createDetector, type Dossier as LearnedDossier } from '@woo/detect';
import { entityKey, isNameVariant } from '@woo/dossier';
import { detectStage, extractStage } from '@woo/pipeline';
import { multipart, probeInfra, startTestStack, type TestStack } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDossier, renderDossierDocument, type Dossier } from '../../../fixtures/dossier/dossier.js';

const infra = await probeInfra();

/* Dossier-level review through the API, on real PDFs of the generated dossier (read and detected
 * in-process, as the workers would): one decision for a person in the whole batch, inherited by
 * a later upload; the consistency check that holds the batch export; duplicates. */
describe.skipIf(!infra.ok)('dossier decisions, consistency and duplicates', () => {
  let stack: TestStack;
  let dossier: Dossier;
  let batchId: string;
  /** Dossier number → document id in the batch, and batch number (upload order). */
  const ids = new Map<number, string>();
  const batchNumber = new Map<number, number>();
  let subset: number[];
  let later: number;
  let learned: LearnedDossier;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (url: string, token: string, payload?: object) => stack.app.inject({ method: 'POST', url, headers: as(token), ...(payload ? { payload } : {}) });

  /** Uploads dossier document `n` and stores what the pipeline reads and detects in it. */
  async function addDocument(n: number): Promise<string> {
    const bytes = await renderDossierDocument(dossier, n);
    const body = multipart([{ name: dossier.documents[n - 1]!.name, bytes }]);
    const res = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/documents`, headers: { ...as(stack.tokens.coordinator), ...body.headers }, payload: body.payload });
    const id = res.json<Array<{ id: string }>>()[0]!.id;
    const doc = await extractStage(bytes);
    await transition(stack.context.db, id, ['queued'], 'extracting');
    await saveExtraction(stack.context.db, id, doc, 'detecting');
    learned.learn(buildTextIndex(doc.pages).text);
    ids.set(n, id);
    batchNumber.set(n, ids.size);
    return id;
  }

  async function detect(n: number): Promise<void> {
    const doc = await loadExtractedDocument(stack.context.db, ids.get(n)!);
    await saveDetection(stack.context.db, ids.get(n)!, detectStage(doc, learned));
  }

  const all = async (): Promise<RedactionRecord[]> => (await Promise.all([...ids.values()].map((id) => listRedactions(stack.context.db, id)))).flat();

  beforeAll(async () => {
    stack = await startTestStack();
    dossier = generateDossier(10);
    learned = createDetector({ officials: dossier.facts.officials }).dossier();
    const { duplicates, nearDuplicates, inconsistent } = dossier.facts;
    const person = dossier.facts.recurring[0]!.documents;
    later = person.at(-1)!;
    subset = [...new Set([inconsistent.redactedIn, duplicates[0]!.of, duplicates[0]!.document, nearDuplicates[0]!.of, nearDuplicates[0]!.document, ...person.slice(0, 4), inconsistent.visibleIn])]
      .filter((n) => n !== later)
      .sort((a, b) => a - b);
    batchId = (await post('/v1/batches', stack.tokens.coordinator, { name: 'Woo-verzoek dossier' })).json<{ id: string }>().id;
    for (const n of subset) await addDocument(n);
    for (const n of subset) await detect(n);
  }, 300_000);
  afterAll(() => stack?.close());

  it('lists exact duplicates and near-duplicate pages by their number in the batch', async () => {
    const res = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}/duplicates`, headers: as(stack.tokens.reviewer) });
    expect(res.statusCode).toBe(200);
    const { duplicates, nearDuplicates } = dossier.facts;
    const listed = res.json<Array<{ number: number; duplicateOf?: number; nearDuplicatePages: Array<{ page: number; ofDocument: number }> }>>();
    expect(listed.map((d) => ({ number: d.number, duplicateOf: d.duplicateOf, near: d.nearDuplicatePages.map((p) => p.ofDocument) }))).toEqual([
      ...[
        { number: batchNumber.get(nearDuplicates[0]!.document)!, duplicateOf: undefined, near: [batchNumber.get(nearDuplicates[0]!.of)] },
        { number: batchNumber.get(duplicates[0]!.document)!, duplicateOf: batchNumber.get(duplicates[0]!.of), near: [] },
      ].sort((a, b) => a.number - b.number),
    ]);
    const csv = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}/inventory.csv`, headers: as(stack.tokens.reviewer) });
    const rows = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    const column = rows[0]!.indexOf('Duplicaat van');
    expect(column).toBeGreaterThan(0);
    expect(rows.slice(1).filter((r) => r[column]).map((r) => [Number(r[0]), Number(r[column])])).toEqual([[batchNumber.get(duplicates[0]!.document), batchNumber.get(duplicates[0]!.of)]]);
  });

  it('decides a person once for the batch: a dry run per document first, then every name variant, one audit entry', async () => {
    const p = dossier.facts.recurring[0]!.person;
    const name = `${p.first} ${p.surname}`;
    const isP = (r: RedactionRecord) => r.category === 'name' && isNameVariant(name, r.text);
    const before = (await all()).filter(isP);
    expect(before.length).toBeGreaterThan(3);
    expect(new Set(before.map((r) => r.documentId)).size).toBeGreaterThan(2);

    const url = `/v1/batches/${batchId}/decisions`;
    const dry = await post(url, stack.tokens.reviewer, { entity: { kind: 'person', name }, set: { status: 'accepted' }, dryRun: true });
    expect(dry.statusCode).toBe(200);
    const counted = dry.json<{ documents: Array<{ documentId: string; changed: number }>; changed: number; variants: string[] }>();
    expect(counted.changed).toBe(before.filter((r) => r.status !== 'accepted').length);
    expect(counted.documents.map((d) => d.documentId).sort()).toEqual([...new Set(before.map((r) => r.documentId))].sort());
    // every way the batch writes the person, each once
    expect(counted.variants.map(entityKey).sort()).toEqual([...new Set([name, ...before.map((r) => r.text)].map(entityKey))].sort());
    expect((await all()).filter(isP).map((r) => r.status)).toEqual(before.map((r) => r.status));

    expect((await post(url, stack.tokens.coordinator, { entity: { kind: 'person', name }, set: { status: 'accepted' } })).statusCode).toBe(403);
    const done = await post(url, stack.tokens.reviewer, { entity: { kind: 'person', name }, set: { status: 'accepted' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ changed: counted.changed, documents: counted.documents });
    expect((await all()).filter(isP).every((r) => r.status === 'accepted' && r.decidedBy === 'Jurist')).toBe(true);

    const { rows } = await stack.context.db.query<{ action: string; details: { documents: unknown[]; entity: unknown } }>(
      `SELECT action, details FROM audit_log WHERE batch_id = $1 AND action IN ('batch.decided', 'redaction.decided')`,
      [batchId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ entity: { kind: 'person', name }, documents: expect.any(Array) });
    expect(rows[0]!.details.documents).toHaveLength(counted.documents.length);
  });

  it('finds an e-mail address by its redacted local part, and a string nobody suggested, per document in a dry run', async () => {
    const p = dossier.facts.recurring[1]!.person;
    const address = `${p.workLocal}@example.nl`;
    const byLocalPart = (await all()).filter((r) => r.category === 'email' && r.text === p.workLocal);
    expect(byLocalPart.length).toBeGreaterThan(0);
    const mail = await post(`/v1/batches/${batchId}/decisions`, stack.tokens.reviewer, { entity: { kind: 'email', value: address }, set: { status: 'rejected' }, dryRun: true });
    expect(mail.json<{ changed: number }>().changed).toBe(byLocalPart.length);

    // "kwartaal" is in every e-mail of the dossier and never personal data: a redact decision adds it everywhere
    const texts = await Promise.all([...ids.values()].map(async (id) => (await loadExtractedDocument(stack.context.db, id)).pages.flatMap((pg) => pg.words.map((w) => w.text))));
    const expected = texts.map((words) => words.filter((w) => /^kwartaal\W*$/i.test(w)).length).filter((n) => n > 0);
    const word = await post(`/v1/batches/${batchId}/decisions`, stack.tokens.reviewer, { entity: { kind: 'text', value: 'kwartaal' }, set: { status: 'accepted' }, dryRun: true });
    expect(word.json<{ documents: Array<{ added: number }> }>().documents.map((d) => d.added)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(2);
  });

  it('applies the decision to a document uploaded later, when it is detected', async () => {
    const p = dossier.facts.recurring[0]!.person;
    const name = `${p.first} ${p.surname}`;
    const id = await addDocument(later);
    await detect(later);
    const mine = (await listRedactions(stack.context.db, id)).filter((r) => r.category === 'name' && isNameVariant(name, r.text));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.status === 'accepted')).toBe(true);
    expect((await listDocumentAudit(stack.context.db, id)).map((e) => e.action)).toContain('decision.inherited');
  });

  it('holds the batch export with 409 and the list until each string is resolved or explicitly allowed; duplicates inherit first', async () => {
    const { duplicates, nearDuplicates, inconsistent } = dossier.facts;
    // a decision in the original of a duplicate and of a near-duplicate page: taken over before the check
    const rejectPhoneIn = async (n: number) => {
      const phone = (await listRedactions(stack.context.db, ids.get(n)!)).find((r) => r.status === 'suggested' && r.category === 'phone')!;
      expect((await stack.app.inject({ method: 'PATCH', url: `/v1/redactions/${phone.id}`, headers: as(stack.tokens.reviewer), payload: { status: 'rejected' } })).statusCode).toBe(200);
      return phone;
    };
    const rejected = await rejectPhoneIn(duplicates[0]!.of);
    const rejectedNear = await rejectPhoneIn(nearDuplicates[0]!.of);

    const exportBatch = () => post(`/v1/batches/${batchId}/export`, stack.tokens.coordinator, { policy: 'accept-suggested' });
    const held = await exportBatch();
    expect(held.statusCode).toBe(409);
    const list = held.json<{ message: string; inconsistencies: Array<{ key: string; text: string; redactedIn: Array<{ document: number }>; visibleIn: Array<{ document: number; reason: string }> }> }>();
    expect(list.message).toMatch(/gelakt en in een ander leesbaar/);
    const citizen = list.inconsistencies.find((i) => i.key === entityKey(inconsistent.text));
    expect(citizen?.redactedIn.map((r) => r.document)).toEqual([batchNumber.get(inconsistent.redactedIn)]);
    expect(citizen?.visibleIn).toEqual([expect.objectContaining({ document: batchNumber.get(inconsistent.visibleIn), reason: 'not-suggested' })]);

    const copy = await listRedactions(stack.context.db, ids.get(duplicates[0]!.document)!);
    expect(copy.find((r) => r.page === rejected.page && r.text === rejected.text)?.status).toBe('rejected');
    expect((await listDocumentAudit(stack.context.db, ids.get(duplicates[0]!.document)!)).map((e) => e.action)).toContain('duplicate.inherited');
    const nearCopy = await listRedactions(stack.context.db, ids.get(nearDuplicates[0]!.document)!);
    expect(nearCopy.find((r) => r.page === nearDuplicates[0]!.page && r.text === rejectedNear.text)?.status).toBe('rejected');

    // resolved: redact the citizen everywhere, also where nobody suggested it
    const resolved = await post(`/v1/batches/${batchId}/decisions`, stack.tokens.reviewer, { entity: { kind: 'person', name: inconsistent.text }, set: { status: 'accepted' } });
    expect(resolved.json<{ documents: Array<{ documentId: string; added: number }> }>().documents).toContainEqual(expect.objectContaining({ documentId: ids.get(inconsistent.visibleIn), added: 1 }));
    const check = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}/consistency?policy=accept-suggested`, headers: as(stack.tokens.reviewer) });
    const remaining = check.json<{ inconsistencies: Array<{ key: string; text: string }> }>().inconsistencies;
    expect(remaining.map((i) => i.key)).not.toContain(entityKey(inconsistent.text));

    // allowed: each of the others, with a reason, audited
    for (const i of remaining) {
      const allowed = await post(`/v1/batches/${batchId}/consistency/allow`, stack.tokens.coordinator, { text: i.text, reason: 'Functionaris in een andere rol; bewust zichtbaar.' });
      expect(allowed.json()).toEqual({ allowed: true });
    }
    const { rows } = await stack.context.db.query('SELECT 1 FROM audit_log WHERE batch_id = $1 AND action = $2', [batchId, 'consistency.allowed']);
    expect(rows).toHaveLength(remaining.length);
    expect((await exportBatch()).statusCode).toBe(202);
  });
});
