import { buildServer, loadServiceConfig, openServiceContext, runUntilSignal } from '@woo/http';
import { intakeApp } from '@woo/intake';
import { reviewApp } from '@woo/review';
import { loadWorkerConfig, startWorkers } from '@woo/workers';
import { pino } from 'pino';

/* The API (intake and review) of `npm run serve`, with the workers in the same process when
 * WOO_SERVE_WORKERS is set (PGlite: one process may open the embedded database). */

const config = loadServiceConfig();
const context = await openServiceContext(config);
const app = await buildServer({ config, context, apps: [intakeApp, reviewApp], title: 'woo-redact' });
const workers = process.env.WOO_SERVE_WORKERS
  ? [startWorkers({ db: context.db, blobs: context.blobs, jobs: context.jobs, log: pino({ name: 'woo-workers', level: config.logLevel }) }, loadWorkerConfig())]
  : [];
await runUntilSignal(app, context, config, workers);
