import { getDocument, loadExtractedDocument, saveOcrPage } from '@woo/db';
import type { JobPayloads } from '@woo/jobs';
import type { WorkerContext } from '../context.js';
import { sourcePdf } from './source-pdf.js';

/** Recognises one page. Pages of one document may be recognised on different hosts at once;
 * each job replaces only its own page. */
export async function ocrJob({ documentId, page }: JobPayloads['ocr'], ctx: WorkerContext): Promise<void> {
  const doc = await getDocument(ctx.db, documentId);
  if (doc?.status !== 'ocr') return ctx.log.info({ status: doc?.status }, 'document not in OCR; nothing to do');
  const bytes = await sourcePdf(doc, ctx);
  const extracted = await loadExtractedDocument(ctx.db, documentId);
  const recognised = await ctx.stages.ocrPage(bytes, extracted, page);
  await saveOcrPage(ctx.db, documentId, recognised);
  ctx.log.info({ page, words: recognised.words.length, confidence: recognised.ocrConfidence }, 'page recognised');
}
