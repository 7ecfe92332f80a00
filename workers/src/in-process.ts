import { toDocumentError } from '@woo/core';
import { jobId, type Job, type JobSink, type ReadFlow } from '@woo/jobs';
import type { WorkerConfig } from './config.js';
import { baseContext, type WorkerContext } from './context.js';
import { stagePools } from './pools.js';
import { failJob, jobSubject, runJob } from './run-job.js';
import type { WorkerDeps } from './run-workers.js';

export interface InProcessJobs extends JobSink {
  /** Resolves once every job enqueued so far has run. */
  idle(): Promise<void>;
}

/** A read flow in this process: the parent runs once none of its read jobs is left. */
interface OpenFlow {
  parent: Job<'detect'>;
  open: Set<string>;
}

/**
 * The pipeline definition run inside this process, one job at a time, with the same jobs, the
 * same follow-up decision and the same flows as the BullMQ workers: for a demo on a machine
 * without Redis, and for tests that compare the services with the CLI. The heavy stages still run
 * in stage children with their memory cap (pools.ts, one child per heavy queue). No retries and
 * no other hosts; a job that fails marks its document failed with a Dutch message, as a job out
 * of attempts does. close() lets the running job finish and drops the ones not started: their
 * documents keep their status, and requeueStranded at the next start enqueues them again.
 */
export function inProcessJobs(deps: Omit<WorkerDeps, 'jobs'>, config: Pick<WorkerConfig, 'exportDpi'>): InProcessJobs {
  const pools = stagePools({ convert: 1, extract: 1, ocr: 1, detect: 1, export: 1 }, deps.env);
  /** The jobs enqueued and not yet finished, by id, so the same work is never enqueued twice. */
  const pending = new Map<string, Job>();
  /** Open flows by the id of their detect job. */
  const flows = new Map<string, OpenFlow>();
  let chain = Promise.resolve();
  let closing = false;

  const release = (flowId: string, childId: string) => {
    const flow = flows.get(flowId);
    if (!flow) return;
    flow.open.delete(childId);
    if (flow.open.size) return;
    flows.delete(flowId);
    run(flow.parent);
  };

  function run(job: Job, flowId?: string): void {
    const id = jobId(job);
    if (closing || pending.has(id)) return;
    pending.set(id, job);
    if (flowId) flows.get(flowId)?.open.add(id);
    chain = chain.then(async () => {
      try {
        if (closing) return;
        const log = deps.log.child({ queue: job.name, ...jobSubject(job), inProcess: true });
        try {
          // follow-ups join this job's flow before this job leaves it
          for (const follow of await runJob(job, { ...context, log })) run(follow, flowId);
        } catch (err) {
          log.error({ err }, 'job failed');
          await failJob(deps.db, job, toDocumentError(err)).catch((e: unknown) => log.error({ err: e }, 'could not record the failure'));
        }
      } finally {
        pending.delete(id);
        if (flowId) release(flowId, id);
      }
    });
  }

  const sink: InProcessJobs = {
    async startFlow({ parent, children }: ReadFlow) {
      const flowId = jobId(parent);
      flows.set(flowId, { parent, open: new Set() });
      for (const child of children) run(child, flowId);
      // every child already pending elsewhere (or none): nothing to wait for
      if (!flows.get(flowId)?.open.size) release(flowId, '');
    },
    enqueue: async (job) => run(job),
    has: async (job) => pending.has(jobId(job)),
    detectPending: async (batchId) =>
      [...pending.values(), ...[...flows.values()].map((f) => f.parent)].some((j) => j.name === 'detect' && j.data.batchId === batchId),
    // nothing is kept once finished
    forget: async () => {},
    ping: async () => true,
    async idle() {
      // a job that runs may add more (its follow-ups, its flow's detect job)
      for (let seen = chain; ; seen = chain) {
        await seen;
        if (seen === chain) return;
      }
    },
    async close() {
      closing = true;
      await chain;
      await pools.close();
    },
  };
  const context: Omit<WorkerContext, 'log'> = baseContext(deps, config.exportDpi, pools.stages);
  return sink;
}
