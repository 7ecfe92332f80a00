export { redactCommand, type RedactOptions, type RunSummary } from './redact-command.js';
export { verifyCommand } from './verify-command.js';
export { collectInputs } from './inputs.js';
