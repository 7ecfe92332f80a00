export { loadServiceConfig, type ServiceConfig } from './config.js';
export { openServiceContext, type ServiceContext } from './context.js';
export { buildServer, type ServerOptions } from './server.js';
export { HttpError, notFound } from './errors.js';
export { perTokenLimit } from './hardening.js';
export { documentOrigin, documentSummary } from './views.js';
export * from './schemas.js';
export { runUntilSignal, type Stoppable } from './lifecycle.js';
export type { Caller } from './auth.js';
