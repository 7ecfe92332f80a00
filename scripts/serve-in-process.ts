import { buildServer, loadServiceConfig, openServiceContext, runUntilSignal } from '@woo/http';
import { intakeApp } from '@woo/intake';
import { reviewApp } from '@woo/review';
import { inProcessJobs, loadWorkerConfig, requeueStranded } from '@woo/workers';
import { pino } from 'pino';
import { createDemo } from './serve-demo.js';

/** `npm run serve -- --demo` on a machine without a reachable Redis: one process, no supervisor,
 * serving the API and running the jobs itself, one at a time, without BullMQ (inProcessJobs; the
 * heavy stages still run in stage children with their memory cap). */
export async function serveInProcess(): Promise<void> {
  const config = loadServiceConfig();
  const log = pino({ name: 'woo-workers', level: config.logLevel });
  const workerConfig = loadWorkerConfig();
  const context = await openServiceContext(config, process.env, (db, blobs) => inProcessJobs({ db, blobs, log }, workerConfig));
  log.warn({ redis: config.redisUrl }, 'Redis not reachable: the demo runs extraction, OCR, detection and export in this process (no BullMQ, no supervisor)');
  const app = await buildServer({ config, context, apps: [intakeApp, reviewApp], title: 'woo-redact' });
  await runUntilSignal(app, context, config);
  // documents an earlier run left in a stage
  log.info({ requeued: await requeueStranded(context.db, context.jobs) }, 'in-process jobs ready');
  await createDemo(context.db, `http://localhost:${config.port}`);
  console.log('Redis was not reachable: the documents are processed in this process, one job at a time, without BullMQ.\n');
}
