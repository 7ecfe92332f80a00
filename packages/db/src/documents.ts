import { randomUUID } from 'node:crypto';
import type { DocumentError } from '@woo/core';
import { appendAudit, SYSTEM_ACTOR, type Actor } from './audit.js';
import type { Database, Queryable } from './database.js';

export const DOCUMENT_STATUSES = ['queued', 'extracting', 'ocr', 'detecting', 'in_review', 'exporting', 'exported', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The kind of a document's source file: read as it is (PDF, image) or converted first (e-mail,
 * Office, zip: CONVERTED_KINDS). */
export const FILE_KINDS = ['pdf', 'png', 'jpeg', 'tiff', 'eml', 'msg', 'office', 'zip'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export const CONVERTED_KINDS: ReadonlySet<FileKind> = new Set(['eml', 'msg', 'office', 'zip']);

/** A message with its attachments, or an archive with its members: the documents that came out
 * of one uploaded file. */
export interface DocumentFamilyRecord {
  /** The id of the uploaded document. */
  id: string;
  /** 0 for the uploaded file, then its attachments/members depth first. */
  position: number;
  /** The message this document is an attachment of. */
  parentDocumentId: string | null;
}

export interface DocumentRecord {
  id: string;
  batchId: string;
  /** Position in the batch: the inventory's document number. */
  number: number;
  filename: string;
  kind: FileKind | null;
  sizeBytes: number;
  originalKey: string | null;
  pdfKey: string | null;
  status: DocumentStatus;
  errorCode: string | null;
  errorMessage: string | null;
  pageCount: number;
  exportKey: string | null;
  exportPolicy: string | null;
  exportRevision: number;
  /** The file as received (an upload, an attachment, an archive member); for a document read as
   * it is, the same blob as `originalKey`. */
  sourceKey: string | null;
  /** Set when the uploaded file yielded more than one document. */
  family: DocumentFamilyRecord | null;
  /** What was hidden in an Office source and is visible in the working PDF (Dutch). */
  unhidden: string[];
  /** Short hash of the mail thread's root Message-ID (packages/convert), when known. */
  threadId: string | null;
  /** The day an e-mail was sent (YYYY-MM-DD), for the message and its attachments. */
  documentDate: string | null;
}

interface DocumentRow {
  id: string;
  batch_id: string;
  number: number;
  filename: string;
  kind: FileKind | null;
  size_bytes: string | number;
  original_key: string | null;
  pdf_key: string | null;
  status: DocumentStatus;
  error_code: string | null;
  error_message: string | null;
  page_count: number;
  export_key: string | null;
  export_policy: string | null;
  export_revision: number;
  source_key: string | null;
  family_id: string | null;
  family_position: number | null;
  parent_document_id: string | null;
  unhidden: string[] | null;
  thread_id: string | null;
  document_date: string | null;
}

function toRecord(r: DocumentRow): DocumentRecord {
  return {
    id: r.id,
    batchId: r.batch_id,
    number: r.number,
    filename: r.filename,
    kind: r.kind,
    sizeBytes: Number(r.size_bytes),
    originalKey: r.original_key,
    pdfKey: r.pdf_key,
    status: r.status,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    pageCount: r.page_count,
    exportKey: r.export_key,
    exportPolicy: r.export_policy,
    exportRevision: r.export_revision,
    sourceKey: r.source_key,
    family: r.family_id === null ? null : { id: r.family_id, position: r.family_position ?? 0, parentDocumentId: r.parent_document_id },
    unhidden: r.unhidden ?? [],
    threadId: r.thread_id,
    documentDate: r.document_date,
  };
}

/** True while an e-mail, Office file or zip waits for its convert job (the job sets the working
 * PDF, or fails the document). */
export function needsConversion(doc: DocumentRecord): boolean {
  return doc.status === 'queued' && doc.kind !== null && CONVERTED_KINDS.has(doc.kind) && doc.originalKey === null;
}

export interface NewDocument {
  /** Given for documents that must be created once only (attachments: families.ts); else new. */
  id?: string;
  batchId: string;
  filename: string;
  sizeBytes: number;
  /** Set when the upload is usable: the document is queued for processing (`originalKey` is the
   * stored file; an e-mail, Office file or zip keeps it as its source until converted). */
  accepted?: { kind: FileKind; originalKey: string };
  /** Set when the upload was refused at intake: the document is recorded as failed. */
  rejected?: DocumentError;
  /** The uploaded document this one came out of (an attachment, an archive member). */
  unpackedFrom?: string;
}

/** Records an uploaded file in its batch, numbered in upload order. */
export async function addDocument(db: Database, doc: NewDocument, actor: Actor): Promise<DocumentRecord> {
  return db.transaction((tx) => insertDocument(tx, doc, actor));
}

/** `addDocument` within the caller's transaction. */
export async function insertDocument(tx: Queryable, doc: NewDocument, actor: Actor): Promise<DocumentRecord> {
  const id = doc.id ?? randomUUID();
  const counter = await tx.query<{ document_count: number }>(
    'UPDATE batches SET document_count = document_count + 1 WHERE id = $1 RETURNING document_count',
    [doc.batchId],
  );
  const number = counter.rows[0]?.document_count;
  if (number === undefined) throw new Error(`batch ${doc.batchId} does not exist`);
  const { rows } = await tx.query<DocumentRow>(
    `INSERT INTO documents (id, batch_id, number, filename, kind, size_bytes, original_key, pdf_key, status, error_code, error_message, source_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [
      id,
      doc.batchId,
      number,
      doc.filename,
      doc.accepted?.kind ?? null,
      doc.sizeBytes,
      doc.accepted && !CONVERTED_KINDS.has(doc.accepted.kind) ? doc.accepted.originalKey : null,
      doc.accepted?.kind === 'pdf' ? doc.accepted.originalKey : null,
      doc.accepted ? 'queued' : 'failed',
      doc.rejected?.code ?? null,
      doc.rejected?.message ?? null,
      doc.accepted?.originalKey ?? null,
    ],
  );
  await appendAudit(tx, actor, {
    action: doc.unpackedFrom ? 'document.unpacked' : doc.accepted ? 'document.uploaded' : 'document.rejected',
    batchId: doc.batchId,
    documentId: id,
    details: {
      filename: doc.filename,
      sizeBytes: doc.sizeBytes,
      ...(doc.unpackedFrom ? { from: doc.unpackedFrom } : {}),
      ...(doc.rejected ? { error: doc.rejected.message } : {}),
    },
  });
  return toRecord(rows[0]!);
}

/** Documents by id, in batch order. */
export async function getDocuments(q: Queryable, ids: readonly string[]): Promise<DocumentRecord[]> {
  const { rows } = await q.query<DocumentRow>('SELECT * FROM documents WHERE id = ANY($1::uuid[]) ORDER BY number', [ids]);
  return rows.map(toRecord);
}

export async function getDocument(q: Queryable, id: string): Promise<DocumentRecord | undefined> {
  const { rows } = await q.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
  return rows[0] && toRecord(rows[0]);
}

export async function listBatchDocuments(q: Queryable, batchId: string): Promise<DocumentRecord[]> {
  const { rows } = await q.query<DocumentRow>('SELECT * FROM documents WHERE batch_id = $1 ORDER BY number', [batchId]);
  return rows.map(toRecord);
}

/** Moves a document to `to` if it is in one of `from`; false when another job or request got
 * there first (or the document failed meanwhile). Every stage starts with this, which makes a
 * retried or duplicated job a harmless no-op. */
export async function transition(q: Queryable, id: string, from: readonly DocumentStatus[], to: DocumentStatus): Promise<boolean> {
  const { rowCount } = await q.query(
    'UPDATE documents SET status = $2, updated_at = now() WHERE id = $1 AND status = ANY($3::document_status[])',
    [id, to, from],
  );
  return rowCount === 1;
}

/** Image uploads are wrapped in a PDF once; the pipeline only reads PDFs. */
export async function setPdfKey(q: Queryable, id: string, pdfKey: string): Promise<void> {
  await q.query('UPDATE documents SET pdf_key = $2, updated_at = now() WHERE id = $1', [id, pdfKey]);
}

/** Marks a document as failed with its Dutch message (unless it already failed). */
export async function failDocument(db: Database, id: string, error: DocumentError): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ batch_id: string }>(
      `UPDATE documents SET status = 'failed', error_code = $2, error_message = $3, updated_at = now()
       WHERE id = $1 AND status <> 'failed' RETURNING batch_id`,
      [id, error.code, error.message],
    );
    if (!rows[0]) return;
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: 'document.failed',
      batchId: rows[0].batch_id,
      documentId: id,
      details: { code: error.code, error: error.message },
    });
  });
}

export async function listDocumentsInStatus(q: Queryable, status: DocumentStatus): Promise<DocumentRecord[]> {
  const { rows } = await q.query<DocumentRow>('SELECT * FROM documents WHERE status = $1 ORDER BY created_at', [status]);
  return rows.map(toRecord);
}
