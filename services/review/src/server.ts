import { buildServer, loadServiceConfig, openServiceContext, runUntilSignal } from '@woo/http';
import { reviewApp } from './app.js';

/* The review service on its own (in production, one container per service). */
const config = loadServiceConfig();
const context = await openServiceContext(config);
const app = await buildServer({ config, context, apps: [reviewApp], title: 'woo-redact review' });
await runUntilSignal(app, context, config);
