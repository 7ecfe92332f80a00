import { isApplied } from '@woo/core';
import { getDocument, listRedactions, loadExtractedDocument, saveExport } from '@woo/db';
import type { JobOutcomes, JobPayloads } from '@woo/pipeline/definition';
import { neutralTitle } from '@woo/publication';
import type { WorkerContext } from '../context.js';
import { sourcePdf } from './source-pdf.js';

/** The redacted PDF with every accepted and manual redaction, released only after verification. */
export async function exportJob(ticket: JobPayloads['export'], ctx: WorkerContext): Promise<JobOutcomes['export']> {
  const doc = await getDocument(ctx.db, ticket.documentId);
  if (doc?.status !== 'exporting' || doc.exportRevision !== ticket.revision) {
    ctx.log.info({ status: doc?.status }, 'export request superseded or already done; nothing to do');
    return {};
  }
  const applied = (await listRedactions(ctx.db, doc.id)).filter(isApplied);
  const { pdf, pageMethods } = await ctx.stages.export(await sourcePdf(doc, ctx), await loadExtractedDocument(ctx.db, doc.id), applied, { dpi: ctx.exportDpi, title: neutralTitle(doc.number) });
  const { key } = await ctx.blobs.put(pdf);
  if (await saveExport(ctx.db, ticket, key)) {
    if (doc.exportKey) await ctx.blobs.delete(doc.exportKey);
    ctx.log.info({ redactions: applied.length, vectorPages: pageMethods.filter((m) => m === 'vector').length, rasterPages: pageMethods.filter((m) => m === 'raster').length }, 'exported');
  } else {
    await ctx.blobs.delete(key);
  }
  return {};
}
