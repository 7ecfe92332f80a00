export * from './infra.js';
export * from './pdfs.js';
export * from './stack.js';
export * from './wait.js';
export * from './database.js';
export * from './private-postgres.js';
export * from './browser.js';
