import { createHash } from 'node:crypto';
import { DocumentError, dutchNumber, type DocumentErrorCode } from '@woo/core';
import { appendAudit, SYSTEM_ACTOR } from './audit.js';
import type { Database, Queryable } from './database.js';
import { getDocument, insertDocument, listBatchDocuments, needsConversion, type DocumentRecord, type FileKind } from './documents.js';

/** One document that came out of a converted upload, with its files already stored. */
export interface ConvertedDocument {
  /** "bericht.eml › bijlage.docx": shown to the coordinator (never published). */
  filename: string;
  /** Kind of the source; null for a file of a kind that is not processed. */
  kind: FileKind | null;
  sizeBytes: number;
  /** The file as received. */
  sourceKey: string;
  /** What the stages read, when the conversion succeeded: a PDF, or an image the extract job
   * wraps in one. */
  working?: { key: string; isPdf: boolean };
  failure?: { code: DocumentErrorCode; message: string };
  /** Depth first; 0 is the uploaded document itself. */
  familyPosition: number;
  /** Position of the message this one is attached to. */
  parentPosition?: number;
  unhidden: readonly string[];
  threadId?: string;
  /** YYYY-MM-DD: the day the message was sent. */
  date?: string;
}

/** The id of the document at `position` in the family of `uploadId`: the same on every attempt,
 * so a retried convert job cannot add an attachment twice (next to the unique family key). */
export function familyMemberId(uploadId: string, position: number): string {
  const hex = createHash('sha256').update(`${uploadId}/${position}`).digest('hex');
  // shaped as a version 8 (custom) UUID with the RFC 4122 variant
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Records what the convert job made of an uploaded document, all or nothing: the upload itself
 * gets its working PDF (or its failure) and the family columns, and every further part becomes a
 * document of the batch (queued when it has a working file, failed with its Dutch reason when
 * not). When the new documents would take the batch past `maxDocuments` (MAX_DOCUMENTS_PER_BATCH),
 * none is added and the upload fails with a Dutch message instead. Returns false, changing
 * nothing, when the upload was converted already (an earlier attempt of the job committed): the
 * caller then drops the files it stored.
 */
export async function saveConversion(db: Database, uploadId: string, parts: readonly ConvertedDocument[], maxDocuments = Number.POSITIVE_INFINITY): Promise<boolean> {
  if (parts[0]?.familyPosition !== 0) throw new Error('a conversion starts with the uploaded document itself');
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM documents WHERE id = $1 FOR UPDATE', [uploadId]);
    if (!rows[0]) return false;
    const upload = (await getDocument(tx, uploadId))!;
    if (!needsConversion(upload)) return false;
    const { rows: counted } = await tx.query<{ document_count: number }>('SELECT document_count FROM batches WHERE id = $1 FOR UPDATE', [upload.batchId]);
    if (counted[0]!.document_count + parts.length - 1 > maxDocuments) {
      await failWithin(tx, upload, {
        code: 'too-large',
        message:
          `Dit bestand bevat ${dutchNumber(parts.length - 1)} bijlagen of bestanden; daarmee komt de batch boven de toegestane ${dutchNumber(maxDocuments)} documenten ` +
          '(MAX_DOCUMENTS_PER_BATCH). Het is niet verwerkt; lever het aan in een nieuwe batch.',
      });
      return true;
    }
    const family = parts.length > 1;
    const idAt = (position: number | undefined) => (position === undefined ? null : position === 0 ? uploadId : familyMemberId(uploadId, position));
    const [head, ...rest] = parts;
    await tx.query(
      `UPDATE documents SET filename = $2, original_key = $3, pdf_key = $4, family_id = $5, family_position = $6, unhidden = $7, thread_id = $8, document_date = $9, updated_at = now()
       WHERE id = $1`,
      [uploadId, head!.filename, head!.working?.key ?? null, head!.working?.isPdf ? head!.working.key : null, family ? uploadId : null, family ? 0 : null, head!.unhidden, head!.threadId ?? null, head!.date ?? null],
    );
    if (head!.failure) await failWithin(tx, upload, head!.failure);
    for (const part of rest) {
      const id = familyMemberId(uploadId, part.familyPosition);
      const inserted = await insertDocument(
        tx,
        {
          id,
          batchId: upload.batchId,
          filename: part.filename,
          sizeBytes: part.sizeBytes,
          unpackedFrom: uploadId,
          ...(part.failure
            ? { rejected: new DocumentError(part.failure.code, part.failure.message) }
            : { accepted: { kind: part.kind ?? 'pdf', originalKey: part.sourceKey } }),
          // the keys and kind as the conversion made them are set right below
        },
        SYSTEM_ACTOR,
      );
      await tx.query(
        `UPDATE documents SET kind = $2, source_key = $3, original_key = $4, pdf_key = $5, family_id = $6, family_position = $7, parent_document_id = $8, unhidden = $9, thread_id = $10, document_date = $11
         WHERE id = $1`,
        [inserted.id, part.kind, part.sourceKey, part.working?.key ?? null, part.working?.isPdf ? part.working.key : null, uploadId, part.familyPosition, idAt(part.parentPosition), part.unhidden, part.threadId ?? null, part.date ?? null],
      );
    }
    return true;
  });
}

async function failWithin(tx: Queryable, doc: DocumentRecord, failure: { code: string; message: string }): Promise<void> {
  await tx.query(`UPDATE documents SET status = 'failed', error_code = $2, error_message = $3, updated_at = now() WHERE id = $1`, [doc.id, failure.code, failure.message]);
  await appendAudit(tx, SYSTEM_ACTOR, { action: 'document.failed', batchId: doc.batchId, documentId: doc.id, details: { code: failure.code, error: failure.message } });
}

/** The documents of the family of an uploaded document (only itself when it has none), in
 * family order. */
export async function familyDocuments(q: Queryable, uploadId: string): Promise<DocumentRecord[]> {
  const upload = await getDocument(q, uploadId);
  if (!upload) return [];
  if (!upload.family) return [upload];
  const all = await listBatchDocuments(q, upload.batchId);
  return all.filter((d) => d.family?.id === uploadId).sort((a, b) => a.family!.position - b.family!.position);
}
