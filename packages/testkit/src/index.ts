export * from './infra.js';
export * from './pdfs.js';
