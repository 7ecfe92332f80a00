import { toDocumentError } from '@woo/core';
import { failDocument } from '@woo/db';
import type { JobName, JobPayloads, JobSink } from '@woo/jobs';
import type { WorkerConfig } from './config.js';
import { baseContext, lazyOcrEngine, type WorkerContext } from './context.js';
import { HANDLERS, type JobHandler } from './handlers/index.js';
import { runHandler, type WorkerDeps } from './run-workers.js';

export interface InProcessJobs extends JobSink {
  /** Resolves once every job enqueued so far has run. */
  idle(): Promise<void>;
}

/**
 * The job graph run inside this process, one job at a time, with the same handlers the BullMQ
 * workers use: for a demo on a machine without Redis. No retries and no other hosts; a job that
 * fails marks its document failed with a Dutch message, as a job out of attempts does.
 */
export function inProcessJobs(deps: Omit<WorkerDeps, 'jobs'>, config: Pick<WorkerConfig, 'exportDpi'>): InProcessJobs {
  const ocr = lazyOcrEngine(deps.env);
  let chain = Promise.resolve();

  const run = <N extends JobName>(name: N, data: JobPayloads[N]): Promise<void> => {
    chain = chain.then(async () => {
      const log = deps.log.child({ queue: name, documentId: data.documentId, inProcess: true });
      try {
        await runHandler(HANDLERS[name] as JobHandler<JobName>, data, { ...context, log }, deps.db);
      } catch (err) {
        log.error({ err }, 'job failed');
        await failDocument(deps.db, data.documentId, toDocumentError(err)).catch((e: unknown) => log.error({ err: e }, 'could not record the failure'));
      }
    });
    return Promise.resolve();
  };

  const sink: InProcessJobs = {
    enqueueExtract: (documentId) => run('extract', { documentId }),
    enqueueDetect: (documentId) => run('detect', { documentId }),
    enqueueExport: (documentId, revision) => run('export', { documentId, revision }),
    async enqueueOcrThenDetect(documentId, pages) {
      for (const page of pages) await run('ocr', { documentId, page });
      await run('detect', { documentId });
    },
    ping: async () => true,
    idle: () => chain,
    async close() {
      await chain;
      await ocr.close();
    },
  };
  // the handlers enqueue their follow-up jobs through the sink itself
  const context: Omit<WorkerContext, 'log'> = baseContext({ ...deps, jobs: sink }, config.exportDpi, ocr.get);
  return sink;
}
