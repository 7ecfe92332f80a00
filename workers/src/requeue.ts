import { listDocumentsInStatus, pagesNeedingOcr, type Database, type DocumentRecord, type DocumentStatus } from '@woo/db';
import type { JobSink } from '@woo/jobs';

/** The job that moves a document on from each in-progress status, enqueued when it is missing. */
const NEXT_JOB: Partial<Record<DocumentStatus, (db: Database, jobs: JobSink, doc: DocumentRecord) => Promise<boolean>>> = {
  queued: (_, jobs, doc) => jobs.ensure('extract', { documentId: doc.id }),
  extracting: (_, jobs, doc) => jobs.ensure('extract', { documentId: doc.id }),
  ocr: async (db, jobs, doc) => jobs.ensureOcrThenDetect(doc.id, await pagesNeedingOcr(db, doc.id)),
  detecting: (_, jobs, doc) => jobs.ensure('detect', { documentId: doc.id }),
  exporting: (_, jobs, doc) => jobs.ensure('export', { documentId: doc.id, revision: doc.exportRevision }),
};

/** Reconciles the database with the queues: every document in a stage whose job is not in Redis
 * (an upload that committed while Redis was away, Redis restarted without its data or flushed)
 * gets its job again, so nothing waits forever (with the in-process jobs of the demo: documents
 * left in a stage by an earlier run). Returns how many were re-enqueued. Jobs that
 * exist (waiting, running, or kept as finished) are left alone. */
export async function requeueStranded(db: Database, jobs: JobSink): Promise<number> {
  let requeued = 0;
  for (const [status, enqueue] of Object.entries(NEXT_JOB)) {
    for (const doc of await listDocumentsInStatus(db, status as DocumentStatus)) if (await enqueue(db, jobs, doc)) requeued++;
  }
  return requeued;
}
