import type { BlobStore } from '@woo/blobs';
import { toDocumentError } from '@woo/core';
import { DatabaseUnavailableError, type Database } from '@woo/db';
import { redisConnection, type Job, type JobQueues, type JobSink } from '@woo/jobs';
import { DelayedError, Worker, type Job as BullJob } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { WorkerConfig } from './config.js';
import { baseContext } from './context.js';
import { assertEveryJobHasHandler } from './handlers/index.js';
import { stagePools } from './pools.js';
import { requeueStranded } from './requeue.js';
import { failJob, jobSubject, runJob } from './run-job.js';

export interface WorkerDeps {
  db: Database;
  blobs: BlobStore;
  jobs: JobSink;
  log: Logger;
  env?: NodeJS.ProcessEnv;
}

export interface RunningWorkers {
  /** Stops taking jobs, lets running ones finish, and stops the stage children. */
  close(): Promise<void>;
}

type AnyPayload = Job['data'];

/** The job as the pipeline definition names it. */
const asJob = (job: BullJob<AnyPayload>): Job => ({ name: job.queueName, data: job.data }) as Job;

/** One BullMQ worker per queue this process serves, each with its own concurrency; the database
 * is reconciled with the queues at start and every RECONCILE_INTERVAL_S. The follow-up jobs of
 * each job (definition.ts, `next`) join its flow, so the batch's detect job waits for them too. */
export function startWorkers(deps: WorkerDeps & { jobs: JobQueues }, config: WorkerConfig): RunningWorkers {
  assertEveryJobHasHandler();
  const pools = stagePools(config.concurrency, deps.env);
  const base = baseContext(deps, config.exportDpi, pools.stages);

  // BullMQ leaves connections it was given open on close(); these are ours to close
  const connections: Redis[] = [];
  const workers = config.queues.map((name) => {
    const connection = redisConnection(config.redisUrl);
    connections.push(connection);
    const worker = new Worker<AnyPayload>(
      name,
      async (job: BullJob<AnyPayload>, token?: string) => {
        const log = deps.log.child({ jobId: job.id, queue: name, ...jobSubject(asJob(job)), attempt: job.attemptsMade + 1 });
        try {
          const parent = job.parent?.id ? { id: job.parent.id, queue: job.parent.queueKey } : undefined;
          for (const follow of await runJob(asJob(job), { ...base, log })) await deps.jobs.enqueueFollowUp(follow, parent);
        } catch (err) {
          if (!(err instanceof DatabaseUnavailableError)) throw err;
          // The database went away mid-job: nothing of the failed transaction was committed and
          // every stage is idempotent, so the job simply runs again later. Delayed rather than
          // failed, so an outage longer than the retry budget never fails documents for good.
          log.warn({ err, retryInMs: config.databaseRetryMs }, 'database unavailable; job delayed');
          await job.moveToDelayed(Date.now() + config.databaseRetryMs, token);
          throw new DelayedError();
        }
      },
      {
        connection,
        prefix: config.queuePrefix,
        concurrency: config.concurrency[name],
        lockDuration: config.lockDurationMs,
        stalledInterval: config.lockDurationMs,
        maxStalledCount: 1,
      },
    );
    worker.on('failed', (job, err) => {
      if (!job) return;
      void finalFailure(deps, job, err).catch((e: unknown) => deps.log.error({ err: e, jobId: job.id }, 'could not record the failure'));
    });
    worker.on('error', (err) => deps.log.error({ err, queue: name }, 'worker error'));
    return worker;
  });
  deps.log.info({ queues: config.queues, concurrency: config.concurrency, prefix: config.queuePrefix }, 'workers started');
  const reconcile = () =>
    requeueStranded(deps.db, deps.jobs).then(
      (requeued) => requeued && deps.log.warn({ requeued }, 'documents without a job re-enqueued'),
      (err: unknown) => deps.log.error({ err }, 'could not reconcile the database with the queues'),
    );
  void reconcile();
  const reconciling = setInterval(() => void reconcile(), config.reconcileIntervalMs).unref();

  return {
    async close() {
      clearInterval(reconciling);
      await Promise.all(workers.map((w) => w.close()));
      for (const c of connections) c.disconnect();
      await pools.close();
    },
  };
}

/** Marks the job's document (or batch) failed once BullMQ gives up on it (attempts used up, or
 * the job stalled too often); earlier failures are retried. */
async function finalFailure(deps: WorkerDeps, job: BullJob<AnyPayload>, err: Error): Promise<void> {
  const log = deps.log.child({ jobId: job.id, queue: job.queueName, ...jobSubject(asJob(job)) });
  if ((await job.getState()) !== 'failed') {
    log.warn({ err, attempt: job.attemptsMade }, 'job failed; will be retried');
    return;
  }
  log.error({ err }, 'job failed for good');
  await failJob(deps.db, asJob(job), toDocumentError(err));
}
