import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localBlobStore } from '@woo/blobs';
import { applyExportPolicy, type Redaction } from '@woo/core';
import { redactCommand } from '@woo/cli';
import { addDocument, createBatch, listBatchDocuments, listRedactions, migrate, openDatabase, type Actor, type Database } from '@woo/db';
import { readFlow } from '@woo/jobs';
import { multipart, probeInfra, startTestStack, waitFor } from '@woo/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../fixtures/generator/corpus.js';
import { inProcessJobs } from '../src/in-process.js';

/* The same generated batch through the CLI and through the services: the redactions must be the
 * same, document by document (what is blacked out under the nightly policy, and what is left open
 * for a reviewer). Both learn the whole batch as one dossier before detecting any document. */

const infra = await probeInfra();
const coordinator: Actor = { name: 'Coördinator', role: 'coordinator' };
const DPI = 72;

/** A redaction as both sides store it, boxes rounded as the CLI's report rounds them. */
const key = (r: Pick<Redaction, 'page' | 'text' | 'category' | 'status' | 'boxes'>) =>
  [r.page, r.text, r.category, r.status, ...r.boxes.map((b) => [b.x, b.y, b.width, b.height].map((v) => Math.round(v * 100) / 100).join(','))].join('|');

/** What the nightly export blacks out and leaves open, per document: the service's suggestions
 * under the same export policy the CLI applies. */
const underPolicy = (suggestions: readonly Redaction[]) => applyExportPolicy(suggestions, 'accept-suggested').map(key).sort();

describe('the CLI and the services give the same redactions for the same batch', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'woo-parity-'));
  const corpus = path.join(work, 'corpus');
  const officials = path.join(corpus, 'officials.txt');
  let files: string[] = [];
  /** Per file name: the CLI's redactions (applied and open), sorted keys. */
  const cli = new Map<string, string[]>();

  beforeAll(async () => {
    // recurring people across document types (seeded), so the dossier changes what is found
    await generateCorpus({ out: corpus, docs: 10, seed: 41, cast: 'a', scanned: false });
    files = readdirSync(path.join(corpus, 'pdf')).filter((f) => f.endsWith('_digital.pdf')).sort();
    const out = path.join(work, 'cli');
    let dossierFinds = 0;
    const code = await redactCommand([path.join(corpus, 'pdf')], { out, officials, orgDomain: [], concurrency: 2, dpi: DPI, quiet: true, json: false, resume: false, export: 'auto' });
    expect(code).toBe(0);
    for (const f of files) {
      const base = f.replace(/\.pdf$/, '');
      const report = JSON.parse(readFileSync(path.join(out, 'vertrouwelijk', `${base}.redactions.json`), 'utf8')) as { redactions: Redaction[] };
      cli.set(f, report.redactions.map(key).sort());
      dossierFinds += report.redactions.filter((r) => r.explanation.includes('ander document van het dossier')).length;
    }
    expect([...cli.values()].flat().length).toBeGreaterThan(files.length);
    // the batch is a dossier: a name is found in one document only because another shows it
    expect(dossierFinds).toBeGreaterThan(0);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('through the in-process runner (PGlite, no Redis)', { timeout: 300_000 }, async () => {
    const db: Database = await openDatabase({ dataDir: path.join(work, 'pglite') });
    await migrate(db);
    const blobs = localBlobStore(path.join(work, 'blobs'));
    const jobs = inProcessJobs({ db, blobs, log: pino({ level: 'silent' }), env: { ...process.env, WOO_OFFICIALS_FILE: officials } }, { exportDpi: DPI });
    try {
      const batch = await createBatch(db, 'pariteit', coordinator);
      const ids: string[] = [];
      for (const f of files) {
        const bytes = new Uint8Array(readFileSync(path.join(corpus, 'pdf', f)));
        const { key: originalKey } = await blobs.put(bytes);
        ids.push((await addDocument(db, { batchId: batch.id, filename: f, sizeBytes: bytes.length, accepted: { kind: 'pdf', originalKey } }, coordinator)).id);
      }
      await jobs.startFlow(readFlow(batch.id, ids));
      await jobs.idle();
      const docs = await listBatchDocuments(db, batch.id);
      expect(docs.map((d) => d.status)).toEqual(files.map(() => 'in_review'));
      for (const d of docs) expect({ file: d.filename, redactions: underPolicy(await listRedactions(db, d.id)) }).toEqual({ file: d.filename, redactions: cli.get(d.filename) });
    } finally {
      await jobs.close();
      await db.close();
    }
  });

  it.skipIf(!infra.ok)('through the API and the BullMQ workers', { timeout: 300_000 }, async () => {
    const stack = await startTestStack({ workers: true, env: { WOO_OFFICIALS_FILE: officials, EXPORT_DPI: String(DPI), MAX_UPLOAD_MB: '20' } });
    try {
      const auth = { authorization: `Bearer ${stack.tokens.coordinator}` };
      const batch = (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth, payload: { name: 'pariteit' } })).json<{ id: string }>();
      const body = multipart(files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(corpus, 'pdf', f))) })));
      expect((await stack.app.inject({ method: 'POST', url: `/v1/batches/${batch.id}/documents`, headers: { ...auth, ...body.headers }, payload: body.payload })).statusCode).toBe(202);
      const docs = await waitFor(
        () => listBatchDocuments(stack.context.db, batch.id),
        (ds) => ds.every((d) => d.status === 'in_review' || d.status === 'failed'),
        180_000,
      );
      expect(docs.map((d) => d.status)).toEqual(files.map(() => 'in_review'));
      for (const d of docs) expect({ file: d.filename, redactions: underPolicy(await listRedactions(stack.context.db, d.id)) }).toEqual({ file: d.filename, redactions: cli.get(d.filename) });
      // one detect job for the whole upload: each document detected exactly once
      const { rows } = await stack.context.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'document.detected' AND batch_id = $1`, [batch.id]);
      expect(rows[0]!.n).toBe(files.length);
    } finally {
      await stack.close();
    }
  });
});
