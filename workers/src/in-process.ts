import { toDocumentError } from '@woo/core';
import { failDocument } from '@woo/db';
import { jobId, type JobName, type JobPayloads, type JobSink } from '@woo/jobs';
import type { WorkerConfig } from './config.js';
import { baseContext, type WorkerContext } from './context.js';
import { HANDLERS, type JobHandler } from './handlers/index.js';
import { stagePools } from './pools.js';
import { runHandler, type WorkerDeps } from './run-workers.js';

export interface InProcessJobs extends JobSink {
  /** Resolves once every job enqueued so far has run. */
  idle(): Promise<void>;
}

/**
 * The job graph run inside this process, one job at a time, with the same handlers the BullMQ
 * workers use: for a demo on a machine without Redis. The heavy stages still run in stage
 * children with their memory cap (pools.ts, one child per heavy queue). No retries and no other
 * hosts; a job that fails marks its document failed with a Dutch message, as a job out of
 * attempts does. close() lets the running job finish and drops the ones not started: their
 * documents keep their status, and requeueStranded at the next start enqueues them again.
 */
export function inProcessJobs(deps: Omit<WorkerDeps, 'jobs'>, config: Pick<WorkerConfig, 'exportDpi'>): InProcessJobs {
  const pools = stagePools({ extract: 1, ocr: 1, detect: 1, export: 1 }, deps.env);
  /** Ids of the jobs enqueued and not yet finished, so ensure() adds no duplicates. */
  const pending = new Set<string>();
  let chain = Promise.resolve();
  let closing = false;

  const run = <N extends JobName>(name: N, data: JobPayloads[N]): Promise<void> => {
    if (closing) return Promise.resolve();
    const id = jobId(name, data);
    pending.add(id);
    chain = chain.then(async () => {
      try {
        if (closing) return;
        const log = deps.log.child({ queue: name, documentId: data.documentId, inProcess: true });
        try {
          await runHandler(HANDLERS[name] as JobHandler<JobName>, data, { ...context, log }, deps.db);
        } catch (err) {
          log.error({ err }, 'job failed');
          await failDocument(deps.db, data.documentId, toDocumentError(err)).catch((e: unknown) => log.error({ err: e }, 'could not record the failure'));
        }
      } finally {
        pending.delete(id);
      }
    });
    return Promise.resolve();
  };

  const ocrThenDetect = async (documentId: string, pages: readonly number[]) => {
    for (const page of pages) await run('ocr', { documentId, page });
    await run('detect', { documentId });
  };

  const sink: InProcessJobs = {
    enqueueExtract: (documentId) => run('extract', { documentId }),
    enqueueDetect: (documentId) => run('detect', { documentId }),
    enqueueExport: (documentId, revision) => run('export', { documentId, revision }),
    enqueueOcrThenDetect: ocrThenDetect,
    async ensure(name, data) {
      if (pending.has(jobId(name, data))) return false;
      await run(name, data);
      return true;
    },
    async ensureOcrThenDetect(documentId, pages) {
      if (pending.has(jobId('detect', { documentId }))) return false;
      await ocrThenDetect(documentId, pages);
      return true;
    },
    async retry(name, documentId, ocrPages = []) {
      if (name === 'extract') await run('extract', { documentId });
      else if (ocrPages.length) await ocrThenDetect(documentId, ocrPages);
      else await run('detect', { documentId });
    },
    ping: async () => true,
    idle: () => chain,
    async close() {
      closing = true;
      await chain;
      await pools.close();
    },
  };
  // the handlers enqueue their follow-up jobs through the sink itself
  const context: Omit<WorkerContext, 'log'> = baseContext({ ...deps, jobs: sink }, config.exportDpi, pools.stages);
  return sink;
}
