export interface ServiceConfig {
  port: number;
  host: string;
  redisUrl: string;
  queuePrefix: string;
  blobDir: string;
  /** Largest accepted upload per file; bigger files are recorded as failed documents. */
  maxUploadBytes: number;
  /** Most files in one upload request. */
  maxFilesPerUpload: number;
  logLevel: string;
  attempts: number;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, got '${raw}'`);
  return n;
}

export function loadServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return {
    port: number(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    queuePrefix: env.QUEUE_PREFIX || 'woo',
    blobDir: env.BLOB_DIR || 'data/blobs',
    maxUploadBytes: number(env, 'MAX_UPLOAD_MB', 200) * 1024 * 1024,
    maxFilesPerUpload: number(env, 'MAX_FILES_PER_UPLOAD', 500),
    logLevel: env.LOG_LEVEL || 'info',
    attempts: number(env, 'JOB_ATTEMPTS', 3),
  };
}
