import { JOB_NAMES, type JobName, type JobOutcomes, type JobPayloads } from '@woo/pipeline/definition';
import type { WorkerContext } from '../context.js';
import { convertJob } from './convert.js';
import { detectJob } from './detect.js';
import { exportJob } from './export.js';
import { extractJob } from './extract.js';
import { ocrJob } from './ocr.js';

/** A stage as a job: reads and writes the database, returns what decides the follow-up jobs
 * (definition.ts, `next`); it never enqueues anything itself. */
export type JobHandler<N extends JobName> = (data: JobPayloads[N], ctx: WorkerContext) => Promise<JobOutcomes[N]>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

/** The handler of each job of the pipeline definition (packages/pipeline/src/definition.ts). */
export const HANDLERS: JobHandlers = {
  convert: convertJob,
  extract: extractJob,
  ocr: ocrJob,
  detect: detectJob,
  export: exportJob,
};

/** Boot check: refuse to start when a job name has no handler (the type says so at compile
 * time; this also catches a handler map assembled or trimmed at run time). */
export function assertEveryJobHasHandler(handlers: Partial<Record<string, unknown>> = HANDLERS): void {
  const missing = JOB_NAMES.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
}
