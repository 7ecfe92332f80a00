import { buildServer, loadServiceConfig, openServiceContext, runUntilSignal } from '@woo/http';
import { intakeApp } from '@woo/intake';
import { reviewApp } from '@woo/review';
import { loadWorkerConfig, startWorkers } from '@woo/workers';
import { pino } from 'pino';
import { createDemo } from './serve-demo.js';

/* The API (intake, and review with the review app at /) of `npm run serve`, with the workers in
 * the same process when WOO_SERVE_WORKERS is set (PGlite: one process may open the embedded
 * database). With WOO_SERVE_DEMO set (`npm run serve -- --demo`), it makes the demo batch and
 * tokens once it listens. */

const config = loadServiceConfig();
const context = await openServiceContext(config);
const app = await buildServer({ config, context, apps: [intakeApp, reviewApp], title: 'woo-redact' });
const workers = process.env.WOO_SERVE_WORKERS
  ? [startWorkers({ db: context.db, blobs: context.blobs, jobs: context.jobs, log: pino({ name: 'woo-workers', level: config.logLevel }) }, loadWorkerConfig())]
  : [];
await runUntilSignal(app, context, config, workers);
if (process.env.WOO_SERVE_DEMO) await createDemo(context.db, `http://localhost:${config.port}`);
