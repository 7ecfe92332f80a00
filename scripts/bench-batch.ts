import fs from 'node:fs';
import path from 'node:path';
import { localBlobStore } from '@woo/blobs';
import { buildTextIndex, type ExtractedDocument } from '@woo/core';
import { addDocument, createBatch, migrate, openDatabase, saveExtraction, transition, type Actor } from '@woo/db';
import { createDetector } from '@woo/detect';
import { extractStage } from '@woo/pipeline';
import { inProcessJobs } from '@woo/workers';
import { pino } from 'pino';
import { generateCorpus } from '../fixtures/generator/corpus.js';
import type { BenchRow } from './bench-util.js';

const coordinator: Actor = { name: 'bench', role: 'coordinator' };
/** Distinct generated documents; a batch of more repeats them (detection time does not depend on
 * whether a text was seen before: nothing is cached per text). */
const DISTINCT = 20;

/** Generated small documents, read once (text layer), to be stored as read documents of a batch. */
async function readDocuments(workDir: string): Promise<ExtractedDocument[]> {
  const dir = path.join(workDir, 'batch-corpus');
  await generateCorpus({ out: dir, docs: DISTINCT, seed: 500, cast: 'c', scanned: false });
  const files = fs.readdirSync(path.join(dir, 'pdf')).filter((f) => f.endsWith('_digital.pdf')).sort();
  const docs: ExtractedDocument[] = [];
  for (const f of files) docs.push(await extractStage(new Uint8Array(fs.readFileSync(path.join(dir, 'pdf', f)))));
  return docs;
}

/**
 * The batch's detect job through the workers' job runner (the in-process shell of the same
 * pipeline definition, on PGlite), for batches of growing size whose documents are all read: the
 * time per document must stay flat (learned once per document, not once per pair). Baseline: the
 * detector's own two passes over the same texts in memory (no database, no job).
 */
export async function benchBatchDetection(workDir: string, sizes: readonly number[] = [100, 500]): Promise<BenchRow[]> {
  const read = await readDocuments(workDir);
  const db = await openDatabase({ dataDir: path.join(workDir, 'bench-pglite') });
  await migrate(db);
  const jobs = inProcessJobs({ db, blobs: localBlobStore(path.join(workDir, 'bench-blobs')), log: pino({ level: 'silent' }) }, { exportDpi: 72 });
  const rows: BenchRow[] = [];
  try {
    for (const size of sizes) {
      const batch = await createBatch(db, `bench ${size}`, coordinator);
      for (let i = 0; i < size; i++) {
        const d = await addDocument(db, { batchId: batch.id, filename: `doc-${i}.pdf`, sizeBytes: 1, accepted: { kind: 'pdf', originalKey: `bench-${i}` } }, coordinator);
        await transition(db, d.id, ['queued'], 'extracting');
        await saveExtraction(db, d.id, read[i % read.length]!, 'detecting');
      }
      const texts = Array.from({ length: size }, (_, i) => buildTextIndex(read[i % read.length]!.pages).text);
      const t0 = performance.now();
      createDetector().detectBatch(texts);
      const baselineS = (performance.now() - t0) / 1000;

      const t1 = performance.now();
      await jobs.enqueue({ name: 'detect', data: { batchId: batch.id, round: 'bench' } });
      await jobs.idle();
      const jobS = (performance.now() - t1) / 1000;
      const { rows: detected } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents WHERE batch_id = $1 AND status = 'in_review'`, [batch.id]);
      if (detected[0]!.n !== size) throw new Error(`bench: ${detected[0]!.n} of ${size} documents detected`);
      rows.push({ what: `detect job, batch of ${size} documents`, value: jobS, unit: 's', ratio: baselineS / jobS });
      rows.push({ what: `  per document`, value: (jobS / size) * 1000, unit: 'ms' });
    }
  } finally {
    await jobs.close();
    await db.close();
  }
  return rows;
}
