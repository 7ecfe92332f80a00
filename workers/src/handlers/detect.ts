import { DocumentError } from '@woo/core';
import {
  batchOfficials,
  failDocument,
  listBatchDocuments,
  loadBatchKnowledge,
  loadExtractedDocument,
  saveDetection,
  saveKnowledge,
  type DocumentRecord,
  type DocumentStatus,
} from '@woo/db';
import type { Detector, StoredKnowledge } from '@woo/detect';
import { batchDossier, detectStage, learnStage } from '@woo/pipeline';
import type { JobOutcomes, JobPayloads } from '@woo/pipeline/definition';
import type { WorkerContext } from '../context.js';

type DetectContext = Pick<WorkerContext, 'db' | 'detector' | 'log'>;

/** Documents whose words are not final yet. */
const READING: ReadonlySet<DocumentStatus> = new Set(['queued', 'extracting', 'ocr']);
/** Documents whose words are final: they teach the dossier. */
const READ: ReadonlySet<DocumentStatus> = new Set(['detecting', 'in_review', 'exporting', 'exported']);

/**
 * The batch's detection, once every document of it is read: what each document teaches the
 * dossier is learned once and stored (a document read earlier is never read again), then every
 * document waiting for detection gets its suggestions from the whole dossier and goes to review.
 * While another upload into the batch is still being read, nothing is done: the detect job of
 * that flow runs after its last read and detects the whole batch then.
 */
export async function detectJob({ batchId }: JobPayloads['detect'], ctx: DetectContext): Promise<JobOutcomes['detect']> {
  const documents = await listBatchDocuments(ctx.db, batchId);
  const reading = documents.filter((d) => READING.has(d.status)).length;
  if (reading) {
    ctx.log.info({ reading }, 'documents of the batch still being read; the detect job of their flow detects the batch');
    return {};
  }
  const waiting = documents.filter((d) => d.status === 'detecting');
  if (!waiting.length) {
    ctx.log.info('no document of the batch awaits detection; nothing to do');
    return {};
  }
  const detector = await ctx.detector(await batchOfficials(ctx.db, batchId));
  const dossier = batchDossier(detector, await learnBatch(ctx, detector, batchId, documents));
  let detected = 0;
  for (const d of waiting) {
    const doc = await loadExtractedDocument(ctx.db, d.id);
    try {
      // refuses (with a Dutch message) when a page still has no readable text
      if (await saveDetection(ctx.db, d.id, detectStage(doc, dossier))) detected++;
    } catch (err) {
      if (!(err instanceof DocumentError)) throw err;
      ctx.log.warn({ documentId: d.id, code: err.code }, err.message);
      await failDocument(ctx.db, d.id, err);
    }
  }
  ctx.log.info({ detected, documents: waiting.length }, 'batch detected; in review');
  return {};
}

/** What every read document of the batch teaches, in document order; learns (and stores) it
 * for the documents that have not taught the dossier yet. */
async function learnBatch(ctx: DetectContext, detector: Detector, batchId: string, documents: readonly DocumentRecord[]): Promise<StoredKnowledge[]> {
  const learned = new Map((await loadBatchKnowledge<StoredKnowledge>(ctx.db, batchId)).map((k) => [k.documentId, k.knowledge]));
  let fresh = 0;
  for (const d of documents) {
    if (learned.has(d.id) || !READ.has(d.status)) continue;
    const knowledge = learnStage(await loadExtractedDocument(ctx.db, d.id), detector);
    await saveKnowledge(ctx.db, batchId, d.id, knowledge);
    learned.set(d.id, knowledge);
    fresh++;
  }
  ctx.log.info({ learned: fresh, known: learned.size - fresh }, 'dossier of the batch');
  return documents.flatMap((d) => learned.get(d.id) ?? []);
}
