import { DocumentError, toDocumentError, type ExportPolicy, type ExtractedDocument } from '@woo/core';
import type { Detector, StoredKnowledge } from '@woo/detect';
import { batchDossier, learnStage, redactDocument, runBatch, type DocumentOutcome, type HeavyStages } from '@woo/pipeline';
import type { DossierChecks } from './dossier-checks.js';
import type { ExportMethod } from '@woo/export';
import type { BatchDocument } from './convert-pass.js';
import type { Progress } from './progress.js';
import { SealedStore } from './sealed-store.js';

export interface PassOptions {
  concurrency: number;
  detector: Detector;
  /** Decoding, OCR and export, in child processes with a memory cap. */
  stages: HeavyStages;
  policy: ExportPolicy;
  dpi: number;
  exportMethod: ExportMethod;
  /** Title of the published PDF of a file (neutral: never its file name). */
  titleOf: (file: BatchDocument) => string;
  /** Once aborted, no further document is started. */
  signal: AbortSignal;
  /** Collects what the batch-level checks (duplicates, consistency) need, by inventory number. */
  checks: DossierChecks;
  /** Inventory number of the document at `index` of the files. */
  numberOf: (index: number) => number;
}

type Read = { ok: true; pages: number; knowledge: StoredKnowledge } | { ok: false; pages: number; error: DocumentError };

export const INTERRUPTED_MESSAGE = 'Niet verwerkt: de run is onderbroken voordat dit document klaar was.';

/** The outcome of a document that was not started because the run was interrupted. */
const NOT_STARTED: DocumentOutcome = { ok: false, pages: 0, error: new DocumentError('internal', INTERRUPTED_MESSAGE) };

/** Documents whose conversion failed never reach the passes; the check keeps the types honest. */
function readInput(file: BatchDocument): Promise<Uint8Array> {
  if (!file.load) throw new DocumentError('internal', 'Dit document heeft geen omgezette inhoud.');
  return file.load();
}

/**
 * The batch in two passes, so the dossier is known before anything is redacted: a name found
 * with certainty in one document is looked for in all the others. The same graph as the
 * services run (packages/pipeline/src/definition.ts), in one process:
 * 1. read every document (extract, OCR) and learn what it teaches the dossier; the words go to
 *    an encrypted temporary folder, so memory does not grow with the batch;
 * 2. with the dossier of all of them (in file order, as the services use document order), detect,
 *    export and verify each document, handing every outcome to `onDone` at once.
 */
export async function runBatchPasses(
  files: readonly BatchDocument[],
  options: PassOptions,
  progress: { read: Progress; redact: Progress },
  onDone: (file: BatchDocument, outcome: DocumentOutcome, index: number) => Promise<void>,
): Promise<DocumentOutcome[]> {
  const store = await SealedStore.create();
  const { signal, stages } = options;
  try {
    const reads = await runBatch(
      files.map((file, index) => ({ file, index })),
      options.concurrency,
      async ({ file, index }): Promise<Read> => {
        if (signal.aborted) return NOT_STARTED as Read;
        try {
          const { doc } = await stages.read(await readInput(file));
          const knowledge = learnStage(doc, options.detector);
          options.checks.read(options.numberOf(index), doc);
          await store.put(String(index), doc);
          return { ok: true, pages: doc.pages.length, knowledge };
        } catch (err) {
          return { ok: false, pages: 0, error: toDocumentError(err) };
        }
      },
      ({ file }, read) => {
        if (!signal.aborted) progress.read.documentDone(file.displayName, read.pages, read.ok ? undefined : read.error.message);
      },
    );
    progress.read.finish();
    const dossier = batchDossier(options.detector, reads.flatMap((r) => (r.ok ? [r.knowledge] : [])));
    return await runBatch(
      files.map((file, index) => ({ file, index, read: reads[index]! })),
      options.concurrency,
      async ({ file, index, read }): Promise<DocumentOutcome> => {
        if (signal.aborted) return NOT_STARTED;
        if (!read.ok) return { ok: false, pages: read.pages, error: read.error };
        try {
          // the PDF is made again from the input (cheap, deterministic) rather than kept
          const bytes = await stages.toPdf(await readInput(file));
          const doc = await store.take<ExtractedDocument>(String(index));
          const outcome = await redactDocument({ bytes, doc }, { detector: dossier, policy: options.policy, dpi: options.dpi, exportMethod: options.exportMethod, title: options.titleOf(file) }, stages.export);
          options.checks.redacted(options.numberOf(index), doc, outcome.redactions);
          return outcome;
        } catch (err) {
          return { ok: false, pages: read.pages, error: toDocumentError(err) };
        }
      },
      async ({ file, index }, outcome) => {
        if (signal.aborted) return;
        await onDone(file, outcome, index);
        if (outcome.ok || reads[index]!.ok) progress.redact.documentDone(file.displayName, outcome.pages, outcome.ok ? undefined : outcome.error.message);
      },
    );
  } finally {
    progress.redact.finish();
    await store.remove();
  }
}
