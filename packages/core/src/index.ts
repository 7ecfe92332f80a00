export * from './geometry.js';
export * from './document.js';
export * from './grounds.js';
export * from './redaction.js';
export * from './errors.js';
export * from './text-index.js';
export * from './limits.js';
export * from './export-policy.js';
