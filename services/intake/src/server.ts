import { buildServer, loadServiceConfig, openServiceContext, runUntilSignal } from '@woo/http';
import { intakeApp } from './app.js';

/* The intake service on its own (in production, one container per service). */
const config = loadServiceConfig();
const context = await openServiceContext(config);
const app = await buildServer({ config, context, apps: [intakeApp], title: 'woo-redact intake' });
await runUntilSignal(app, context, config);
