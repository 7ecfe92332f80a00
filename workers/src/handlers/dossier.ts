import { buildTextIndex, type ExtractedDocument } from '@woo/core';
import { getDocument, listBatchDocuments, loadExtractedDocument, type DocumentStatus } from '@woo/db';
import type { Detector, Dossier } from '@woo/detect';
import type { WorkerContext } from '../context.js';

/** Documents whose words are final: their extraction and OCR are done. */
const READ: ReadonlySet<DocumentStatus> = new Set(['detecting', 'in_review', 'exporting', 'exported']);

/** The batch as a dossier: a name found with certainty in another document of the batch is
 * looked for in this one too. Documents still being read join the dossier of documents detected
 * after them. */
export async function batchDossier(ctx: Pick<WorkerContext, 'db'> & { detector: Detector }, documentId: string, doc: ExtractedDocument): Promise<Dossier> {
  const dossier = ctx.detector.dossier();
  const record = await getDocument(ctx.db, documentId);
  const others = record ? (await listBatchDocuments(ctx.db, record.batchId)).filter((d) => d.id !== documentId && READ.has(d.status)) : [];
  for (const other of others) dossier.learn(buildTextIndex((await loadExtractedDocument(ctx.db, other.id)).pages).text);
  dossier.learn(buildTextIndex(doc.pages).text);
  return dossier;
}
