import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createScheduler, createWorker, OEM, PSM, type Page as TessPage, type RecognizeOptions, type Scheduler, type Worker, type WorkerOptions } from 'tesseract.js';
import { prepareLangDir } from './langdata.js';

export interface PoolOptions {
  /** Number of tesseract.js workers (each a worker thread with its own WASM instance, ~100-140 MB). */
  workers?: number;
  /** tesseract language codes, each from an installed @tesseract.js-data/<code> package. */
  languages?: string[];
  /** Where the models are gathered (default: a directory under os.tmpdir()). */
  langDir?: string;
}

/** The worker options, exposed so callers and tests can check nothing points off this machine. */
export type OfflineWorkerOptions = Pick<WorkerOptions, 'langPath' | 'workerPath' | 'cacheMethod' | 'gzip'>;

/** Tesseract parameters set per job: `user_defined_dpi` varies with the image. tesseract.js passes
 * any key it does not know itself to SetVariable for that job only. */
type JobOptions = Partial<RecognizeOptions> & { user_defined_dpi?: string };

export interface RecognizeJob {
  /** An encoded image tesseract (leptonica) can read: PNG or PGM. */
  image: Buffer;
  dpi: number;
}

export interface WorkerPool {
  readonly size: number;
  readonly workerOptions: Readonly<OfflineWorkerOptions>;
  recognize(job: RecognizeJob): Promise<TessPage>;
  terminate(): Promise<void>;
}

export function defaultWorkerCount(): number {
  return Math.min(2, os.availableParallelism());
}

export function offlineWorkerOptions(langDir: string): OfflineWorkerOptions {
  return {
    langPath: langDir,
    // Our own entry script: it disables fetch inside the worker thread (see offline-worker.mjs).
    workerPath: fileURLToPath(new URL('./offline-worker.mjs', import.meta.url)),
    // The default 'write' drops ./<lang>.traineddata into process.cwd().
    cacheMethod: 'none',
    gzip: true,
  };
}

/**
 * One tesseract.js worker, ready to recognize.
 *
 * tesseract.js 7.0.0 reports a failed job to `errorHandler` and, without one, throws from its
 * message listener: an uncaught exception that ends the process. Job failures still reject the
 * job's promise, so the handler only has to exist. But a failure while loading the models never
 * settles `createWorker` (only the first 'load' step rejects it), so during startup the handler
 * is what rejects.
 */
async function startWorker(languages: readonly string[], options: OfflineWorkerOptions): Promise<Worker> {
  let failStartup: (reason: Error) => void = () => {};
  const startupFailed = new Promise<never>((_, reject) => {
    failStartup = reject;
  });
  const worker = await Promise.race([
    createWorker(languages.join('+'), OEM.LSTM_ONLY, {
      ...options,
      logger: () => {},
      errorHandler: (error: unknown) => failStartup(new Error(String(error))),
    }),
    startupFailed,
  ]);
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  return worker;
}

/** Starts the workers once; jobs queue on a tesseract.js scheduler and go to the first idle worker. */
export async function createWorkerPool(options: PoolOptions = {}): Promise<WorkerPool> {
  const size = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
  const languages = options.languages ?? ['nld', 'eng'];
  const workerOptions = offlineWorkerOptions(prepareLangDir(languages, options.langDir));
  // No corePath: in Node the worker require()s tesseract.js-core from node_modules and picks the
  // (relaxed-)SIMD LSTM-only build itself.
  const scheduler: Scheduler = createScheduler();
  const started = await Promise.allSettled(Array.from({ length: size }, () => startWorker(languages, workerOptions)));
  for (const s of started) if (s.status === 'fulfilled') scheduler.addWorker(s.value);
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) {
    await scheduler.terminate();
    throw new Error(`could not start the OCR workers: ${String(failure.reason)}`, { cause: failure.reason });
  }
  return {
    size,
    workerOptions,
    async recognize({ image, dpi }) {
      // Scans carry no usable DPI once decoded (and canvas PNGs none at all): tesseract would
      // estimate it from the text size, which skews its size filters.
      const jobOptions: JobOptions = { user_defined_dpi: String(Math.round(dpi)) };
      const { data } = await scheduler.addJob('recognize', image, jobOptions, { blocks: true, text: false });
      return data;
    },
    async terminate() {
      await scheduler.terminate();
    },
  };
}
