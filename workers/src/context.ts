import { readFileSync } from 'node:fs';
import type { BlobStore } from '@woo/blobs';
import type { Database } from '@woo/db';
import { createDetector, parseOfficialsList, type Detector, type DetectorOptions } from '@woo/detect';
import type { HeavyStages } from '@woo/pipeline';
import type { Logger } from 'pino';

/** Everything a job handler may use; handlers hold no state of their own. */
export interface WorkerContext {
  db: Database;
  blobs: BlobStore;
  /** The deployment's lists, for a batch that adds officials of its own (handlers/detect.ts). */
  detectorOptions: DetectorOptions;
  /** Detects with the deployment's lists; the detect job turns it into the batch's dossier. */
  detector: Detector;
  /** Decoding, rendering and OCR, in child processes with a memory cap (pools.ts). */
  stages: HeavyStages;
  exportDpi: number;
  log: Logger;
}

function listFile(file: string | undefined): string[] {
  return file ? parseOfficialsList(readFileSync(file, 'utf8')) : [];
}

/** The detector's lists as configured for this deployment: the same lists the CLI takes as flags. */
export function detectorOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DetectorOptions {
  return {
    officials: listFile(env.WOO_OFFICIALS_FILE),
    keep: listFile(env.WOO_KEEP_FILE),
    redact: listFile(env.WOO_REDACT_FILE),
    orgDomains: (env.WOO_ORG_DOMAINS ?? '').split(',').map((d) => d.trim()).filter(Boolean),
  };
}

/** A worker context without its logger (each job gets a child logger of its own): the same for
 * the BullMQ workers and the in-process jobs of the demo without Redis. */
export function baseContext(
  deps: { db: Database; blobs: BlobStore; env?: NodeJS.ProcessEnv },
  exportDpi: number,
  stages: HeavyStages,
): Omit<WorkerContext, 'log'> {
  const detectorOptions = detectorOptionsFromEnv(deps.env);
  return { db: deps.db, blobs: deps.blobs, detectorOptions, detector: createDetector(detectorOptions), stages, exportDpi };
}
