import { positiveIntFromEnv as positiveInt } from '@woo/core';
import { JOB_NAMES, type JobName } from '@woo/jobs';

export interface WorkerConfig {
  redisUrl: string;
  queuePrefix: string;
  /** Jobs of each queue one process runs at once (env EXTRACT_CONCURRENCY, OCR_CONCURRENCY, ...). */
  concurrency: Record<JobName, number>;
  /** Which queues this process serves (env WORKER_QUEUES=extract,ocr; default all), so OCR and
   * conversion (LibreOffice) can get hosts of their own. */
  queues: JobName[];
  /** How long a job's lock lasts without renewal: a worker that dies (SIGKILL, lost host) has its
   * job picked up again after about this long. */
  lockDurationMs: number;
  attempts: number;
  /** How long a job waits before it runs again after the database was unreachable. */
  databaseRetryMs: number;
  exportDpi: number;
  blobDir: string;
  /** How often the database is reconciled with the queues (requeue.ts). */
  reconcileIntervalMs: number;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const queues = env.WORKER_QUEUES ? env.WORKER_QUEUES.split(',').map((q) => q.trim()) : [...JOB_NAMES];
  for (const q of queues) if (!(JOB_NAMES as readonly string[]).includes(q)) throw new Error(`WORKER_QUEUES: unknown queue '${q}'`);
  return {
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    queuePrefix: env.QUEUE_PREFIX || 'woo',
    concurrency: {
      // each conversion runs LibreOffice or renders a message: one at a time per process
      convert: positiveInt(env, 'CONVERT_CONCURRENCY', 1),
      // extraction and detection are CPU-bound on the event loop (pdfjs runs in-process): one at a time
      extract: positiveInt(env, 'EXTRACT_CONCURRENCY', 1),
      ocr: positiveInt(env, 'OCR_CONCURRENCY', 1),
      detect: positiveInt(env, 'DETECT_CONCURRENCY', 1),
      export: positiveInt(env, 'EXPORT_CONCURRENCY', 1),
    },
    queues: queues as JobName[],
    lockDurationMs: positiveInt(env, 'JOB_LOCK_MS', 30_000),
    attempts: positiveInt(env, 'JOB_ATTEMPTS', 3),
    databaseRetryMs: positiveInt(env, 'DATABASE_RETRY_MS', 5000),
    exportDpi: positiveInt(env, 'EXPORT_DPI', 150),
    blobDir: env.BLOB_DIR || 'data/blobs',
    reconcileIntervalMs: positiveInt(env, 'RECONCILE_INTERVAL_S', 60) * 1000,
  };
}
