/* The pipeline in one file: which jobs exist, the flow that reads documents into a batch, and the
 * one follow-up decision (`next`). The BullMQ workers, the in-process runner of the demo and the
 * CLI are shells around it; the stages themselves are plain functions (stages.ts).
 *
 *   upload ─▶ readFlow: detect(batch) ◀── parent of ── [convert(doc) ─▶] extract(doc) ─▶ ocr(doc, page)…
 *                │                                       └─▶ extract(attachment)… (new documents)
 *                │  runs once every read job of the flow has finished: learns what each newly
 *                │  read document teaches the dossier (stored per document, batch_knowledge),
 *                ▼  then detects every read document of the batch with the whole dossier
 *             in review ─▶ export(doc, revision) on request
 *
 * The CLI runs the same graph in one process: read every document, learn each, then detect and
 * export each with the same dossier (packages/cli/src/batch-passes.ts).
 *
 * Pure on purpose (no PDF or detector code is loaded): the job queues import it. Adding a stage is
 * one name, one payload, one outcome and one case in `next` (plus its handler in workers/src). */

export const JOB_NAMES = ['convert', 'extract', 'ocr', 'detect', 'export'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobPayloads {
  /** An e-mail, Office file or zip as the documents the pipeline reads: a working PDF for the
   * document itself, and a new document of the batch per attachment or archive member. */
  convert: { documentId: string };
  /** The text layer of every page of one document. */
  extract: { documentId: string };
  /** One page without a usable text layer. */
  ocr: { documentId: string; page: number };
  /** The detection of a batch once the documents of one read flow are read. `round` tells the
   * flows into one batch apart (the first document of the upload, or the retried one). */
  detect: { batchId: string; round: string };
  /** `revision` ties the job to one export request (see documents.export_revision). */
  export: { documentId: string; revision: number };
}

export type Job<N extends JobName = JobName> = { [K in N]: { name: K; data: JobPayloads[K] } }[N];

/** What a finished job found that decides what follows it. */
export interface JobOutcomes {
  /** The documents of the converted file's family that are ready to be read (the file itself
   * and each attachment or member that could be converted), whether made now or by an earlier
   * attempt of the same job. */
  convert: { readable: readonly string[] };
  /** Pages that need OCR; empty when the text layer covered every page (or the document failed). */
  extract: { ocrPages: readonly number[] };
  ocr: object;
  detect: object;
  export: object;
}

export type FinishedJob = { [N in JobName]: Job<N> & { outcome: JobOutcomes[N] } }[JobName];

/** Deterministic job ids: enqueueing the same work twice (a retried job re-enqueueing its
 * successor, reconciliation after a Redis restart) is a no-op while the first job is kept.
 * BullMQ forbids ':' in ids. */
export function jobId(job: Job): string {
  switch (job.name) {
    case 'convert':
      return `${job.data.documentId}.convert`;
    case 'extract':
      return `${job.data.documentId}.extract`;
    case 'ocr':
      return `${job.data.documentId}.ocr.${job.data.page}`;
    case 'detect':
      return `${job.data.batchId}.detect.${job.data.round}`;
    case 'export':
      return `${job.data.documentId}.export.${job.data.revision}`;
  }
}

/** A set of documents being read into a batch: the batch's detect job is the parent of their
 * read jobs (and of every job `next` adds while reading), so detection starts once all of them
 * are read, and learns the dossier once instead of once per document. */
export interface ReadFlow {
  parent: Job<'detect'>;
  children: Job[];
}

/** The first job of a newly uploaded document: conversion for the documents in `toConvert`
 * (e-mail, Office, zip), else reading. */
function firstJob(documentId: string, toConvert: ReadonlySet<string>): Job {
  return { name: toConvert.has(documentId) ? 'convert' : 'extract', data: { documentId } };
}

/** The flow that reads newly uploaded (or retried) documents; `documentIds` in upload order. */
export function readFlow(batchId: string, documentIds: readonly string[], toConvert: ReadonlySet<string> = new Set()): ReadFlow {
  if (!documentIds.length) throw new Error('a read flow needs at least one document');
  return {
    parent: { name: 'detect', data: { batchId, round: documentIds[0]! } },
    children: documentIds.map((documentId) => firstJob(documentId, toConvert)),
  };
}

/** Where a retried document starts again (db retryDocument): reading from the start, the pages
 * still to recognise, or detection. Its own flow, named after the document. */
export function retryFlow(batchId: string, documentId: string, from: 'convert' | 'extract' | 'ocr' | 'detect', ocrPages: readonly number[] = []): ReadFlow {
  const parent: Job<'detect'> = { name: 'detect', data: { batchId, round: documentId } };
  if (from === 'convert') return { parent, children: [{ name: 'convert', data: { documentId } }] };
  if (from === 'extract') return { parent, children: [{ name: 'extract', data: { documentId } }] };
  if (from === 'ocr') return { parent, children: ocrPages.map((page) => ({ name: 'ocr', data: { documentId, page } })) };
  return { parent, children: [] };
}

/** The follow-up decision: the jobs that follow a finished job. They join the finished job's
 * flow, so its parent (the batch's detect job) waits for them too. */
export function next(finished: FinishedJob): Job[] {
  switch (finished.name) {
    case 'convert':
      // the converted file and every new attachment document are read in the same flow
      return finished.outcome.readable.map((documentId) => ({ name: 'extract', data: { documentId } }));
    case 'extract':
      // one job per page: any worker on any host may recognise them at the same time
      return finished.outcome.ocrPages.map((page) => ({ name: 'ocr', data: { documentId: finished.data.documentId, page } }));
    case 'ocr':
      // the last page moves its document to 'detecting'; the flow's detect job follows by itself
      return [];
    case 'detect':
      // every detected document waits for a reviewer
      return [];
    case 'export':
      return [];
  }
}
