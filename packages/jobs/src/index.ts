import { FlowProducer, Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';

/** One queue per stage, named after its only job, so each stage scales and is monitored on its own. */
export const JOB_NAMES = ['extract', 'ocr', 'detect', 'export'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobPayloads {
  extract: { documentId: string };
  /** One page that has no usable text layer. */
  ocr: { documentId: string; page: number };
  /** The parent of the document's OCR jobs: BullMQ runs it once every page is recognised. */
  detect: { documentId: string };
  /** `revision` ties the job to one export request (see documents.export_revision). */
  export: { documentId: string; revision: number };
}

export type AnyJob = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

/** Deterministic job ids: enqueueing the same work twice (a retried job re-enqueueing its
 * successor, say) is a no-op while the first job is kept in Redis. BullMQ forbids ':' in ids. */
export function jobId<N extends JobName>(name: N, data: JobPayloads[N]): string {
  switch (name) {
    case 'ocr': {
      const { documentId, page } = data as JobPayloads['ocr'];
      return `${documentId}.ocr.${page}`;
    }
    case 'export': {
      const { documentId, revision } = data as JobPayloads['export'];
      return `${documentId}.export.${revision}`;
    }
    default:
      return `${(data as { documentId: string }).documentId}.${name}`;
  }
}

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

/** Where the API and the workers put work: BullMQ on Redis (`JobQueues`), or, for a demo on a
 * machine without Redis, the workers' stage functions run in the same process. */
export interface JobSink {
  enqueueExtract(documentId: string): Promise<void>;
  enqueueDetect(documentId: string): Promise<void>;
  enqueueExport(documentId: string, revision: number): Promise<void>;
  enqueueOcrThenDetect(documentId: string, pages: readonly number[]): Promise<void>;
  /** Enqueues the job unless it is already there (reconciliation); true when enqueued. */
  ensure<N extends JobName>(name: N, data: JobPayloads[N]): Promise<boolean>;
  ensureOcrThenDetect(documentId: string, pages: readonly number[]): Promise<boolean>;
  /** Runs the stage of a retried document again (POST /v1/documents/:id/retry). */
  retry(name: 'extract' | 'detect', documentId: string, ocrPages?: readonly number[]): Promise<void>;
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
    this.queues = {
      extract: new Queue('extract', opts),
      ocr: new Queue('ocr', opts),
      detect: new Queue('detect', opts),
      export: new Queue('export', opts),
    };
    this.flows = new FlowProducer(opts);
  }

  private async add<N extends JobName>(name: N, data: JobPayloads[N]): Promise<void> {
    await this.queues[name].add(name, data, jobOptions(this.config, jobId(name, data)));
  }

  enqueueExtract(documentId: string): Promise<void> {
    return this.add('extract', { documentId });
  }

  enqueueDetect(documentId: string): Promise<void> {
    return this.add('detect', { documentId });
  }

  enqueueExport(documentId: string, revision: number): Promise<void> {
    return this.add('export', { documentId, revision });
  }

  /** One OCR job per page, any worker on any host may take them; the detect job waits as their
   * parent and runs once all of them are done. */
  async enqueueOcrThenDetect(documentId: string, pages: readonly number[]): Promise<void> {
    const detect: JobPayloads['detect'] = { documentId };
    await this.flows.add({
      name: 'detect',
      queueName: 'detect',
      data: detect,
      opts: jobOptions(this.config, jobId('detect', detect)),
      children: pages.map((page) => {
        const ocr: JobPayloads['ocr'] = { documentId, page };
        // A page that fails for good still releases the detect job: it then finds the document
        // failed, or refuses it because that page has no readable text. Never stuck, never unread.
        return { name: 'ocr', queueName: 'ocr', data: ocr, opts: { ...jobOptions(this.config, jobId('ocr', ocr)), ignoreDependencyOnFailure: true } };
      }),
    });
  }

  /** Enqueues the job unless a job with its id is in Redis (in any state); true when enqueued. */
  async ensure<N extends JobName>(name: N, data: JobPayloads[N]): Promise<boolean> {
    if (await this.queues[name].getJob(jobId(name, data))) return false;
    await this.add(name, data);
    return true;
  }

  /** enqueueOcrThenDetect unless the document's detect job (the parent) is in Redis. */
  async ensureOcrThenDetect(documentId: string, pages: readonly number[]): Promise<boolean> {
    if (await this.queues.detect.getJob(jobId('detect', { documentId }))) return false;
    await this.enqueueOcrThenDetect(documentId, pages);
    return true;
  }

  /** Enqueues the job again for a retried document: a finished or failed job kept under the same
   * id (and, for a detect job, its OCR children) is removed first, or the new one would be a no-op. */
  async retry(name: 'extract' | 'detect', documentId: string, ocrPages: readonly number[] = []): Promise<void> {
    const earlier = await this.queues[name].getJob(jobId(name, { documentId }));
    if (earlier && !(await earlier.isActive())) await earlier.remove({ removeChildren: true });
    for (const page of ocrPages) await (await this.queues.ocr.getJob(jobId('ocr', { documentId, page })))?.remove();
    if (name === 'extract') await this.enqueueExtract(documentId);
    else if (ocrPages.length) await this.enqueueOcrThenDetect(documentId, ocrPages);
    else await this.enqueueDetect(documentId);
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
