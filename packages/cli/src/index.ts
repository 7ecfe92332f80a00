export { redactCommand, type RedactOptions, type RunSummary } from './redact-command.js';
export { verifyCommand } from './verify-command.js';
export { collectInputs } from './inputs.js';
export { nightlyCommand, type NightlyOptions } from './nightly-command.js';
