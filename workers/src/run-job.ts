import { DocumentError } from '@woo/core';
import { failDocument, listBatchDocuments, type Database } from '@woo/db';
import { next, type FinishedJob, type Job, type JobName } from '@woo/pipeline/definition';
import type { WorkerContext } from './context.js';
import { HANDLERS, type JobHandler } from './handlers/index.js';

/** Runs one job and returns the jobs that follow it (definition.ts, `next`): the same for the
 * BullMQ workers and the in-process runner. A document the file itself makes impossible
 * (encrypted, corrupt, unreadable page) fails with its Dutch message and nothing follows:
 * retrying cannot help, so the job ends normally. */
export async function runJob(job: Job, ctx: WorkerContext): Promise<Job[]> {
  const handler = HANDLERS[job.name] as unknown as JobHandler<JobName>;
  try {
    const outcome = await handler(job.data, ctx);
    return next({ ...job, outcome } as FinishedJob);
  } catch (err) {
    // the detect job fails documents one by one itself; anything else from it is a real failure
    if (!(err instanceof DocumentError) || job.name === 'detect') throw err;
    ctx.log.warn({ code: err.code }, err.message);
    await failDocument(ctx.db, job.data.documentId, err);
    return [];
  }
}

/** What a job was working on, for the logs. */
export function jobSubject(job: Job): { documentId: string } | { batchId: string } {
  return job.name === 'detect' ? { batchId: job.data.batchId } : { documentId: job.data.documentId };
}

/** Marks what a job given up on was working on as failed, with a Dutch message: its document, or
 * for a batch's detect job every document of the batch still waiting for detection. */
export async function failJob(db: Database, job: Job, error: DocumentError): Promise<void> {
  if (job.name !== 'detect') return failDocument(db, job.data.documentId, error);
  for (const d of await listBatchDocuments(db, job.data.batchId)) if (d.status === 'detecting') await failDocument(db, d.id, error);
}
