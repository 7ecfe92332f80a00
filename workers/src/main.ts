import { localBlobStore } from '@woo/blobs';
import { openMigratedDatabase } from '@woo/db';
import { JobQueues } from '@woo/jobs';
import { pino } from 'pino';
import { loadWorkerConfig } from './config.js';
import { startWorkers } from './run-workers.js';

/* A worker process on its own: `npm start -w @woo/workers`, or `docker compose up --scale worker=N`. */

const log = pino({ name: 'woo-workers', level: process.env.LOG_LEVEL ?? 'info' });
const config = loadWorkerConfig();
const { db, location } = await openMigratedDatabase();
const jobs = new JobQueues({ redisUrl: config.redisUrl, prefix: config.queuePrefix, attempts: config.attempts });
const running = startWorkers({ db, blobs: localBlobStore(config.blobDir), jobs, log }, config);
log.info({ database: location, blobs: config.blobDir }, 'worker process ready');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping: finishing running jobs');
  await running.close();
  await jobs.close();
  await db.close();
  log.info('stopped');
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
