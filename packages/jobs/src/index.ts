import { JOB_NAMES, jobId, type Job, type JobName, type ReadFlow } from '@woo/pipeline/definition';
import { FlowProducer, Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';

/* One queue per job name (packages/pipeline/src/definition.ts), so each stage scales and is
 * monitored on its own. */
export { JOB_NAMES, jobId, readFlow, retryFlow, type Job, type JobName, type JobPayloads, type ReadFlow } from '@woo/pipeline/definition';

export interface QueueConfig {
  redisUrl: string;
  /** Redis key prefix of every queue: deployments (and test runs) sharing one Redis stay apart. */
  prefix: string;
  /** Attempts per job before the document is marked failed. */
  attempts?: number;
}

/** A Redis connection as BullMQ wants it for blocking commands: never give up on a request,
 * wait for the server to come back instead. */
export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

export function jobOptions(config: QueueConfig, id: string): JobsOptions {
  return {
    jobId: id,
    attempts: config.attempts ?? 3,
    backoff: { type: 'exponential', delay: 2000 },
    // Finished jobs are kept a day so their ids keep deduplicating late re-enqueues.
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/** A job that belongs to a read flow: one that fails for good still releases the batch's detect
 * job, which then finds its document failed. Never stuck, never unread. */
function readJobOptions(config: QueueConfig, job: Job): JobsOptions {
  return { ...jobOptions(config, jobId(job)), ignoreDependencyOnFailure: true };
}

/** Where the API and the workers put work: BullMQ on Redis (`JobQueues`), or, for a demo on a
 * machine without Redis, the workers' stage functions run in the same process. */
export interface JobSink {
  /** Reads documents into their batch (definition.ts, readFlow). */
  startFlow(flow: ReadFlow): Promise<void>;
  /** A job on its own (an export, a detect job without documents left to read). */
  enqueue(job: Job): Promise<void>;
  /** True when a job with the job's id is kept (waiting, running, or finished). */
  has(job: Job): Promise<boolean>;
  /** True when a detect job of the batch is still to run (waiting, delayed, running, or waiting
   * for its read jobs). */
  detectPending(batchId: string): Promise<boolean>;
  /** Drops kept finished jobs so the same work can run again (a retried document). */
  forget(jobs: readonly Job[]): Promise<void>;
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** True when Redis at `url` answers within `timeoutMs` (one try, no reconnecting). */
export async function redisAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** The producer side: what the API and the workers enqueue. */
export class JobQueues implements JobSink {
  readonly queues: { [N in JobName]: Queue };
  private readonly flows: FlowProducer;

  constructor(
    readonly config: QueueConfig,
    private readonly connection: Redis = redisConnection(config.redisUrl),
  ) {
    const opts = { connection, prefix: config.prefix };
    this.queues = Object.fromEntries(JOB_NAMES.map((name) => [name, new Queue(name, opts)])) as { [N in JobName]: Queue };
    this.flows = new FlowProducer(opts);
  }

  /** The flow's detect job waits as the parent of its read jobs; any worker on any host may take
   * those, and the jobs `next` adds while reading join the same parent (run-workers.ts). */
  async startFlow({ parent, children }: ReadFlow): Promise<void> {
    if (!children.length) return this.enqueue(parent);
    await this.flows.add({
      name: parent.name,
      queueName: parent.name,
      data: parent.data,
      opts: jobOptions(this.config, jobId(parent)),
      children: children.map((child) => ({
        name: child.name,
        queueName: child.name,
        data: child.data,
        opts: readJobOptions(this.config, child),
      })),
    });
  }

  async enqueue(job: Job): Promise<void> {
    await this.queues[job.name].add(job.name, job.data, jobOptions(this.config, jobId(job)));
  }

  /** A job `next` decided on, joining the flow of the job that finished (when it has one). */
  async enqueueFollowUp(job: Job, parent: { id: string; queue: string } | undefined): Promise<void> {
    if (!parent) return this.enqueue(job);
    await this.queues[job.name].add(job.name, job.data, { ...readJobOptions(this.config, job), parent });
  }

  async has(job: Job): Promise<boolean> {
    return (await this.queues[job.name].getJob(jobId(job))) !== undefined;
  }

  async detectPending(batchId: string): Promise<boolean> {
    // detect jobs are few (one per upload), so listing the unfinished ones is cheap
    const jobs = await this.queues.detect.getJobs(['waiting', 'prioritized', 'delayed', 'active', 'waiting-children']);
    return jobs.some((j) => (j?.data as { batchId?: string } | undefined)?.batchId === batchId);
  }

  async forget(jobs: readonly Job[]): Promise<void> {
    for (const job of jobs) {
      const kept = await this.queues[job.name].getJob(jobId(job));
      if (kept && !(await kept.isActive())) await kept.remove({ removeChildren: true });
    }
  }

  /** For /readyz: true when Redis answers within `timeoutMs`. */
  async ping(timeoutMs = 1000): Promise<boolean> {
    const timeout = new Promise<false>((resolve) => setTimeout(resolve, timeoutMs, false).unref());
    const pong = this.connection.ping().then((r) => r === 'PONG', () => false);
    return Promise.race([pong, timeout]);
  }

  async close(): Promise<void> {
    await Promise.all([...Object.values(this.queues).map((q) => q.close()), this.flows.close()]);
    this.connection.disconnect();
  }
}
