import { getDocument, pagesNeedingOcr, saveExtraction, transition } from '@woo/db';
import type { JobOutcomes, JobPayloads } from '@woo/pipeline/definition';
import type { WorkerContext } from '../context.js';
import { sourcePdf } from './source-pdf.js';

/** Text layer of every page; pages without a usable one go to OCR (definition.ts decides). */
export async function extractJob({ documentId }: JobPayloads['extract'], ctx: WorkerContext): Promise<JobOutcomes['extract']> {
  const doc = await getDocument(ctx.db, documentId);
  if (!doc) {
    ctx.log.warn('document no longer exists');
    return { ocrPages: [] };
  }
  // 'extracting' as well: a retry after the worker died mid-job starts over
  if (doc.status === 'queued' || doc.status === 'extracting') {
    await transition(ctx.db, documentId, ['queued'], 'extracting');
    const extracted = await ctx.stages.extract(await sourcePdf(doc, ctx));
    const next = extracted.pages.some((p) => p.needsOcr) ? 'ocr' : 'detecting';
    await saveExtraction(ctx.db, documentId, extracted, next);
    ctx.log.info({ pages: extracted.pages.length, next }, 'extracted');
  }
  // The pages to recognise also when an earlier attempt saved its result and died before its
  // follow-ups were enqueued; the deterministic job ids make a second enqueue a no-op.
  const now = await getDocument(ctx.db, documentId);
  return { ocrPages: now?.status === 'ocr' ? await pagesNeedingOcr(ctx.db, documentId) : [] };
}
