import { loadExtractedDocument, saveDetection, transition } from '@woo/db';
import type { JobPayloads } from '@woo/jobs';
import { detectStage } from '@woo/pipeline';
import type { WorkerContext } from '../context.js';
import { batchDossier } from './dossier.js';

/** Suggestions for the whole document, then it waits for a reviewer. */
export async function detectJob({ documentId }: JobPayloads['detect'], ctx: WorkerContext): Promise<void> {
  // from 'detecting' too: the retry of an attempt that died after this transition
  if (!(await transition(ctx.db, documentId, ['ocr', 'detecting'], 'detecting'))) {
    return ctx.log.info('document not awaiting detection; nothing to do');
  }
  const doc = await loadExtractedDocument(ctx.db, documentId);
  // refuses (with a Dutch message) when a page still has no readable text
  const suggestions = detectStage(doc, await batchDossier({ db: ctx.db, detector: await ctx.detector() }, documentId, doc));
  await saveDetection(ctx.db, documentId, suggestions);
  ctx.log.info({ suggestions: suggestions.length }, 'in review');
}
