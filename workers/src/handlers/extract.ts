import { getDocument, pagesNeedingOcr, saveExtraction, transition } from '@woo/db';
import type { JobPayloads } from '@woo/jobs';
import type { WorkerContext } from '../context.js';
import { sourcePdf } from './source-pdf.js';

/** Text layer of every page; pages without a usable one go to OCR, the rest straight to detection. */
export async function extractJob({ documentId }: JobPayloads['extract'], ctx: WorkerContext): Promise<void> {
  const doc = await getDocument(ctx.db, documentId);
  if (!doc) return ctx.log.warn('document no longer exists');
  // 'extracting' as well: a retry after the worker died mid-job starts over
  if (doc.status === 'queued' || doc.status === 'extracting') {
    await transition(ctx.db, documentId, ['queued'], 'extracting');
    const extracted = await ctx.stages.extract(await sourcePdf(doc, ctx));
    const next = extracted.pages.some((p) => p.needsOcr) ? 'ocr' : 'detecting';
    await saveExtraction(ctx.db, documentId, extracted, next);
    ctx.log.info({ pages: extracted.pages.length, next }, 'extracted');
  }
  // Enqueue the next stage also when an earlier attempt saved its result and died before
  // getting here; the deterministic job ids make a second enqueue a no-op.
  const now = await getDocument(ctx.db, documentId);
  if (now?.status === 'ocr') await ctx.jobs.enqueueOcrThenDetect(documentId, await pagesNeedingOcr(ctx.db, documentId));
  else if (now?.status === 'detecting') await ctx.jobs.enqueueDetect(documentId);
}
