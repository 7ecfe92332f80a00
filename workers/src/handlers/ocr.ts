import { getDocument, loadExtractedDocument, pagesNeedingOcr, saveOcrPage, transition } from '@woo/db';
import type { JobOutcomes, JobPayloads } from '@woo/pipeline/definition';
import type { WorkerContext } from '../context.js';
import { sourcePdf } from './source-pdf.js';

/** Recognises one page. Pages of one document may be recognised on different hosts at once;
 * each job replaces only its own page, and whichever saves the last one marks the document read. */
export async function ocrJob({ documentId, page }: JobPayloads['ocr'], ctx: WorkerContext): Promise<JobOutcomes['ocr']> {
  const doc = await getDocument(ctx.db, documentId);
  if (doc?.status !== 'ocr') {
    ctx.log.info({ status: doc?.status }, 'document not in OCR; nothing to do');
    return {};
  }
  const bytes = await sourcePdf(doc, ctx);
  const extracted = await loadExtractedDocument(ctx.db, documentId);
  const recognised = await ctx.stages.ocrPage(bytes, extracted, page);
  await saveOcrPage(ctx.db, documentId, recognised);
  // read committed: the job that saves the last page sees every other page saved
  if (!(await pagesNeedingOcr(ctx.db, documentId)).length) await transition(ctx.db, documentId, ['ocr'], 'detecting');
  ctx.log.info({ page, words: recognised.words.length, confidence: recognised.ocrConfidence }, 'page recognised');
  return {};
}
