export { loadWorkerConfig, type WorkerConfig } from './config.js';
export { startWorkers, type RunningWorkers, type WorkerDeps } from './run-workers.js';
export { assertEveryJobHasHandler, HANDLERS } from './handlers/index.js';
export { requeueStranded } from './requeue.js';
export { inProcessJobs, type InProcessJobs } from './in-process.js';
