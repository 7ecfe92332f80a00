import { documentLimits } from '@woo/core';

export interface ServiceConfig {
  port: number;
  host: string;
  redisUrl: string;
  queuePrefix: string;
  blobDir: string;
  /** Largest accepted upload per file; bigger files are recorded as failed documents. */
  maxUploadBytes: number;
  /** Largest upload request as a whole (by its Content-Length), refused before anything is stored. */
  maxUploadRequestBytes: number;
  /** Most files in one upload request. */
  maxFilesPerUpload: number;
  /** Most documents in one batch (MAX_DOCUMENTS_PER_BATCH, as for the CLI). */
  maxDocumentsPerBatch: number;
  /** Requests per minute from one client address (before the token is checked), from one token,
   * and uploads per minute from one token. */
  rateLimitPerAddress: number;
  rateLimitPerToken: number;
  uploadsPerToken: number;
  requestTimeoutS: number;
  /** Fastify's trustProxy: addresses (comma-separated) of the proxies in front, or false. */
  trustProxy: string | false;
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
    maxUploadRequestBytes: number(env, 'MAX_UPLOAD_REQUEST_MB', 2048) * 1024 * 1024,
    maxFilesPerUpload: number(env, 'MAX_FILES_PER_UPLOAD', 500),
    maxDocumentsPerBatch: documentLimits(env).maxDocumentsPerBatch,
    rateLimitPerAddress: number(env, 'RATE_LIMIT_PER_ADDRESS', 3000),
    rateLimitPerToken: number(env, 'RATE_LIMIT_PER_TOKEN', 1200),
    uploadsPerToken: number(env, 'UPLOADS_PER_TOKEN', 60),
    requestTimeoutS: number(env, 'REQUEST_TIMEOUT_S', 300),
    trustProxy: env.TRUST_PROXY || false,
    logLevel: env.LOG_LEVEL || 'info',
    attempts: number(env, 'JOB_ATTEMPTS', 3),
  };
}
