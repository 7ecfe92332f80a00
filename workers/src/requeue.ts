import { listDocumentsInStatus, needsConversion, pagesNeedingOcr, transition, type Database, type DocumentRecord } from '@woo/db';
import type { Job, JobSink } from '@woo/jobs';

/** A detect job made by reconciliation: its round only needs to differ from the flows before it
 * (whether one is still to run is asked of the queue, not of the id). */
const reconciledDetect = (batchId: string): Job<'detect'> => ({ name: 'detect', data: { batchId, round: `reconciled-${Date.now()}` } });

function byBatch(docs: readonly DocumentRecord[]): Map<string, DocumentRecord[]> {
  const batches = new Map<string, DocumentRecord[]>();
  for (const d of docs) batches.set(d.batchId, [...(batches.get(d.batchId) ?? []), d]);
  return batches;
}

/** The read jobs a document still being read needs; a document in OCR whose every page is read
 * (its last OCR job died before saying so) is moved on to detection instead. */
async function readJobs(db: Database, doc: DocumentRecord): Promise<Job[]> {
  if (needsConversion(doc)) return [{ name: 'convert', data: { documentId: doc.id } }];
  if (doc.status !== 'ocr') return [{ name: 'extract', data: { documentId: doc.id } }];
  const pages = await pagesNeedingOcr(db, doc.id);
  if (!pages.length) await transition(db, doc.id, ['ocr'], 'detecting');
  return pages.map((page) => ({ name: 'ocr', data: { documentId: doc.id, page } }));
}

/**
 * Reconciles the database with the queues, so nothing waits forever when Redis lost its jobs
 * (restarted without its data, flushed) or an upload committed while Redis was away (with the
 * in-process jobs of the demo: documents left in a stage by an earlier run):
 * - read jobs missing for documents still being read go into a new read flow of their batch;
 * - a batch whose documents are all read, with some awaiting detection and no detect job to
 *   come, gets one;
 * - an export request without its job gets it again.
 * Jobs that exist (waiting, running, or kept as finished) are left alone. Returns how many jobs
 * were enqueued.
 */
export async function requeueStranded(db: Database, jobs: JobSink): Promise<number> {
  let requeued = 0;
  const reading = byBatch([
    ...(await listDocumentsInStatus(db, 'queued')),
    ...(await listDocumentsInStatus(db, 'extracting')),
    ...(await listDocumentsInStatus(db, 'ocr')),
  ]);
  const stillReading = new Set<string>();
  for (const [batchId, docs] of reading) {
    const missing: Job[] = [];
    for (const doc of docs) {
      const needed = await readJobs(db, doc);
      if (needed.length) stillReading.add(batchId);
      for (const job of needed) if (!(await jobs.has(job))) missing.push(job);
    }
    if (!missing.length) continue;
    await jobs.startFlow({ parent: reconciledDetect(batchId), children: missing });
    requeued += missing.length;
  }
  for (const batchId of byBatch(await listDocumentsInStatus(db, 'detecting')).keys()) {
    if (stillReading.has(batchId) || (await jobs.detectPending(batchId))) continue;
    await jobs.enqueue(reconciledDetect(batchId));
    requeued++;
  }
  for (const doc of await listDocumentsInStatus(db, 'exporting')) {
    const job: Job = { name: 'export', data: { documentId: doc.id, revision: doc.exportRevision } };
    if (await jobs.has(job)) continue;
    await jobs.enqueue(job);
    requeued++;
  }
  return requeued;
}
