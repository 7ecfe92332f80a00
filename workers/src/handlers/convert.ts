import type { BlobStore } from '@woo/blobs';
import type { ConvertedPart } from '@woo/convert';
import { imageFormat } from '@woo/convert/kinds';
import { familyDocuments, getDocument, needsConversion, saveConversion, type ConvertedDocument, type FileKind } from '@woo/db';
import type { JobOutcomes, JobPayloads } from '@woo/pipeline/definition';
import type { WorkerContext } from '../context.js';

/** The kind a part is recorded as: images by their format, what is not processed as none. */
function fileKind(part: ConvertedPart): FileKind | null {
  if (part.kind === 'image') return imageFormat(part.source) ?? null;
  return part.kind === 'unsupported' ? null : part.kind;
}

const bufferOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Stores a part's files: its source and its working file, once when they are the same bytes (a
 * PDF or image read as it is). The first part's source is the upload, stored already; for an
 * uploaded zip the first part is its first member, and the upload (the zip) stays its source. */
async function storePart(part: ConvertedPart, blobs: BlobStore, upload: { sourceKey: string; isArchive: boolean }, stored: string[]): Promise<ConvertedDocument> {
  const put = async (bytes: Uint8Array) => {
    const { key } = await blobs.put(bytes);
    stored.push(key);
    return key;
  };
  const isUpload = part.familyPosition === 0;
  const sourceKey = isUpload ? upload.sourceKey : await put(part.source);
  // compared by content: the parts come from a stage child, so the same bytes arrive as two copies
  const sameBytes = part.working !== undefined && bufferOf(part.working).equals(part.source) && !(isUpload && upload.isArchive);
  const workingKey = part.working && (sameBytes ? sourceKey : await put(part.working));
  return {
    filename: part.displayName,
    kind: fileKind(part),
    sizeBytes: part.source.byteLength,
    sourceKey,
    ...(workingKey ? { working: { key: workingKey, isPdf: part.kind !== 'image' } } : {}),
    ...(part.failure ? { failure: part.failure } : {}),
    familyPosition: part.familyPosition,
    ...(part.parentIndex === undefined ? {} : { parentPosition: part.parentIndex }),
    unhidden: part.unhidden,
    ...(part.threadId ? { threadId: part.threadId } : {}),
    ...(part.date ? { date: part.date } : {}),
  };
}

/**
 * Converts an uploaded e-mail, Office file or zip (convertStage, in a stage child): the upload
 * gets its working PDF, each attachment or archive member becomes a document of the batch, all
 * recorded in one transaction. A retried job finds the upload converted and records nothing
 * again; either way the outcome lists the family's documents still to be read (definition.ts
 * reads each of them in the same flow).
 */
export async function convertJob({ documentId }: JobPayloads['convert'], ctx: WorkerContext): Promise<JobOutcomes['convert']> {
  const doc = await getDocument(ctx.db, documentId);
  if (!doc) {
    ctx.log.warn('document no longer exists');
    return { readable: [] };
  }
  if (needsConversion(doc)) {
    if (!doc.sourceKey) throw new Error(`document ${doc.id} has no stored file`);
    const parts = await ctx.stages.convert(doc.filename, await ctx.blobs.get(doc.sourceKey));
    const stored: string[] = [];
    try {
      const documents = [];
      for (const part of parts) documents.push(await storePart(part, ctx.blobs, { sourceKey: doc.sourceKey, isArchive: doc.kind === 'zip' }, stored));
      if (await saveConversion(ctx.db, doc.id, documents, ctx.maxDocumentsPerBatch)) {
        stored.length = 0;
        ctx.log.info({ documents: documents.length, failed: documents.filter((d) => d.failure).length }, 'converted');
      }
    } finally {
      // files of an attempt that recorded nothing (another attempt was first, or this one failed)
      await Promise.all(stored.map((key) => ctx.blobs.delete(key)));
    }
  }
  const family = await familyDocuments(ctx.db, documentId);
  return { readable: family.filter((d) => d.status === 'queued' && d.originalKey !== null).map((d) => d.id) };
}
