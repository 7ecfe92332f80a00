/* The testkit for scripts run outside vitest (benchmarks): everything but the vitest hooks. */
export * from './browser.js';
export * from './infra.js';
export * from './pdfs.js';
export * from './stack.js';
export * from './wait.js';
