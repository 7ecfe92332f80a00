import { createOcrEngine, type OcrEngine, type OcrEngineOptions } from './engine.js';
import { defaultWorkerCount } from './pool.js';

/** What the pipeline needs of an engine: reading pages, and stopping. */
export type OcrReader = Pick<OcrEngine, 'workers' | 'recognizePage' | 'terminate'>;

/** An engine that starts its workers on the first page it is asked to read, so a batch of
 * digital PDFs never pays the start-up (a second or more per worker) and the memory. */
export function createLazyOcrEngine(options: OcrEngineOptions = {}): OcrReader {
  let started: Promise<OcrEngine> | undefined;
  const start = () => (started ??= createOcrEngine(options));
  return {
    workers: Math.max(1, Math.floor(options.workers ?? defaultWorkerCount())),
    recognizePage: async (image, pageSize) => (await start()).recognizePage(image, pageSize),
    terminate: async () => {
      if (started) await (await started).terminate();
    },
  };
}
