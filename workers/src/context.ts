import type { BlobStore } from '@woo/blobs';
import { documentLimits } from '@woo/core';
import type { Database } from '@woo/db';
import type { HeavyStages } from '@woo/pipeline';
import type { Logger } from 'pino';
import { orgDetector, type DetectorSource } from './org-detector.js';

/** Everything a job handler may use; handlers hold no state of their own. */
export interface WorkerContext {
  db: Database;
  blobs: BlobStore;
  /** Detects per document with the organisation's lists as they are now, plus the batch's own
   * officials (org-detector.ts); the detect job turns it into the batch's dossier (handlers/detect.ts). */
  detector: DetectorSource;
  /** Decoding, rendering and OCR, in child processes with a memory cap (pools.ts). */
  stages: HeavyStages;
  exportDpi: number;
  /** MAX_DOCUMENTS_PER_BATCH: attachments and archive members count too (convert job). */
  maxDocumentsPerBatch: number;
  log: Logger;
}

/** A worker context without its logger (each job gets a child logger of its own): the same for
 * the BullMQ workers and the in-process jobs of the demo without Redis. */
export function baseContext(
  deps: { db: Database; blobs: BlobStore; env?: NodeJS.ProcessEnv },
  exportDpi: number,
  stages: HeavyStages,
): Omit<WorkerContext, 'log'> {
  return { db: deps.db, blobs: deps.blobs, detector: orgDetector(deps.db, deps.env), stages, exportDpi, maxDocumentsPerBatch: documentLimits(deps.env).maxDocumentsPerBatch };
}
