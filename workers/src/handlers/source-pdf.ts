import { getDocument, setPdfKey, type DocumentRecord } from '@woo/db';
import type { WorkerContext } from '../context.js';

/** The PDF the stages read for a document: the upload itself, or (for an image upload) the PDF
 * that wraps it, made once and kept so OCR jobs on other hosts read the very same pages. */
export async function sourcePdf(doc: DocumentRecord, ctx: WorkerContext): Promise<Uint8Array> {
  if (doc.pdfKey) return ctx.blobs.get(doc.pdfKey);
  const fresh = await getDocument(ctx.db, doc.id);
  if (fresh?.pdfKey) return ctx.blobs.get(fresh.pdfKey);
  if (!doc.originalKey) throw new Error(`document ${doc.id} has no stored file`);
  const pdf = await ctx.stages.toPdf(await ctx.blobs.get(doc.originalKey));
  const { key } = await ctx.blobs.put(pdf);
  await setPdfKey(ctx.db, doc.id, key);
  return pdf;
}
