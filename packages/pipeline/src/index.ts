export * from './redactions.js';
export * from './input.js';
export * from './stages.js';
export * from './ocr-stage.js';
export * from './process-document.js';
export * from './inventory.js';
export * from './report.js';
export * from './run-batch.js';
