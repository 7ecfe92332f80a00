import { buildServer, loadServiceConfig, openServiceContext, runUntilSignal, type ServiceContext } from '@woo/http';
import { intakeApp } from '@woo/intake';
import { redisAnswers } from '@woo/jobs';
import { reviewApp } from '@woo/review';
import { inProcessJobs, loadWorkerConfig, requeueStranded, startWorkers, type RunningWorkers } from '@woo/workers';
import path from 'node:path';
import { pino } from 'pino';
import { createDemo, SAMPLES } from './serve-demo.js';

/* `npm run serve`: intake, review (with the review app at /) and every worker in one process on
 * one machine, the state in PostgreSQL at DATABASE_URL or else in PGlite under ./data. Ctrl-C
 * stops it all cleanly. With `-- --demo`: also a batch of the bundled samples and two tokens; on a
 * machine without a reachable Redis, the jobs then run in this process instead of on BullMQ. */

const demo = process.argv.includes('--demo');
if (demo) process.env.WOO_OFFICIALS_FILE ??= path.join(SAMPLES, 'officials.txt');
const config = loadServiceConfig();
const log = pino({ name: 'woo-workers', level: config.logLevel });
const workerConfig = loadWorkerConfig();
const inProcess = demo && !(await redisAnswers(config.redisUrl));

let context: ServiceContext;
const running: RunningWorkers[] = [];
if (inProcess) {
  context = await openServiceContext(config, process.env, (db, blobs) => inProcessJobs({ db, blobs, log }, workerConfig));
  log.warn({ redis: config.redisUrl }, 'Redis not reachable: the demo runs extraction, OCR, detection and export in this process (no BullMQ)');
} else {
  context = await openServiceContext(config);
  running.push(startWorkers({ db: context.db, blobs: context.blobs, jobs: context.jobs, log }, workerConfig));
}
const app = await buildServer({ config, context, apps: [intakeApp, reviewApp], title: 'woo-redact' });
log.info({ requeued: await requeueStranded(context.db, context.jobs) }, 'workers ready');
await runUntilSignal(app, context, config, running);
if (demo) {
  await createDemo(context.db, `http://localhost:${config.port}`);
  if (inProcess) console.log('Redis was not reachable: the documents are processed in this process, one job at a time, without BullMQ.\n');
}
