import { buildServer, loadServiceConfig, openServiceContext, runUntilSignal } from '@woo/http';
import { intakeApp } from '@woo/intake';
import { reviewApp } from '@woo/review';
import { loadWorkerConfig, startWorkers } from '@woo/workers';
import { pino } from 'pino';

/* `npm run serve`: intake, review and every worker in one process on one machine, the state in
 * PostgreSQL at DATABASE_URL or else in PGlite under ./data. Ctrl-C stops it all cleanly. */

const config = loadServiceConfig();
const context = await openServiceContext(config);
const app = await buildServer({ config, context, apps: [intakeApp, reviewApp], title: 'woo-redact' });
const log = pino({ name: 'woo-workers', level: config.logLevel });
const workers = startWorkers({ db: context.db, blobs: context.blobs, jobs: context.jobs, log }, loadWorkerConfig());
await runUntilSignal(app, context, config, [workers]);
