import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Redaction } from '@woo/core';
import type { JobQueues } from '@woo/jobs';
import { createApiToken, saveDetection, saveExtraction, transition } from '@woo/db';
import { buildServer, loadServiceConfig, openServiceContext, type ServiceContext } from '@woo/http';
import { intakeApp } from '@woo/intake';
import { reviewApp } from '@woo/review';
import { loadWorkerConfig, startWorkers, type RunningWorkers } from '@woo/workers';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { textPdf } from './pdfs.js';
import { dropQueuePrefix, dropSchema, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from './infra.js';

export interface TestStack {
  app: FastifyInstance;
  context: ServiceContext<JobQueues>;
  /** The environment the stack runs with: pass it to a spawned worker process to join in. */
  env: NodeJS.ProcessEnv;
  tokens: { coordinator: string; reviewer: string; admin: string };
  workers?: RunningWorkers;
  close(): Promise<void>;
}

/**
 * Intake and review (one Fastify instance, used through inject()) and optionally in-process
 * workers, against the real PostgreSQL and Redis, isolated from everything else: a fresh schema,
 * a fresh queue prefix and a fresh blob folder, all removed again by `close()`.
 */
export async function startTestStack(options: { workers?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<TestStack> {
  const blobDir = mkdtempSync(path.join(os.tmpdir(), 'woo-stack-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: uniqueName('t_stack'),
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: uniqueName('t_q'),
    BLOB_DIR: blobDir,
    MAX_UPLOAD_MB: '1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  };
  const config = loadServiceConfig(env);
  const context = await openServiceContext(config, env);
  const app = await buildServer({ config, context, apps: [intakeApp, reviewApp], title: 'test', logger: false });
  const workers = options.workers
    ? startWorkers({ db: context.db, blobs: context.blobs, jobs: context.jobs, log: pino({ level: env.LOG_LEVEL ?? 'silent' }), env }, loadWorkerConfig(env))
    : undefined;
  const tokens = {
    coordinator: await createApiToken(context.db, 'coordinator', 'Coördinator'),
    reviewer: await createApiToken(context.db, 'reviewer', 'Jurist'),
    admin: await createApiToken(context.db, 'admin', 'Beheer'),
  };
  return {
    app,
    context,
    env,
    tokens,
    workers,
    async close() {
      await app.close();
      await workers?.close();
      await context.close();
      await dropSchema(env.DATABASE_SCHEMA!);
      await dropQueuePrefix(env.QUEUE_PREFIX!);
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with `files`, for inject(). */
export function multipart(files: ReadonlyArray<{ name: string; bytes: Uint8Array; type?: string }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----woo${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.from(f.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A detector's name suggestion on page 1 at `x`, for `documentInReview`. */
export function nameSuggestion(text: string, x = 60): Redaction {
  return {
    id: text,
    page: 1,
    boxes: [{ x, y: 70, width: 60, height: 14 }],
    text,
    category: 'name',
    ground: '5.1.2e',
    confidence: 0.9,
    detector: 'names/test',
    explanation: 'naam',
    status: 'suggested',
    needsReview: false,
  };
}

/** Uploads a one-page PDF into `batchId` as `token` and stores the pipeline's result for it
 * directly (an A4 page without words, and `suggestions`), so it is in review without workers. */
export async function documentInReview(stack: TestStack, token: string, batchId: string, suggestions: readonly Redaction[] = []): Promise<string> {
  const body = multipart([{ name: 'brief.pdf', bytes: await textPdf([['Jan Jansen belde']]) }]);
  const res = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/documents`, headers: { authorization: `Bearer ${token}`, ...body.headers }, payload: body.payload });
  const id = res.json<Array<{ id: string }>>()[0]!.id;
  const db = stack.context.db;
  if (!(await transition(db, id, ['queued'], 'extracting'))) throw new Error(`document ${id} is not queued`);
  await saveExtraction(db, id, { pages: [{ number: 1, width: 595, height: 842, source: 'text-layer', needsOcr: false, words: [] }] }, 'detecting');
  await saveDetection(db, id, suggestions);
  return id;
}
