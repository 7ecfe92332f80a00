import type { Box, ExtractedDocument, Page, TextSource, Word } from '@woo/core';
import type { Database, Queryable } from './database.js';

/** Stores the extraction of a whole document and moves it on to `next`, replacing whatever an
 * earlier (interrupted) attempt stored. False when the document is no longer being extracted. */
export async function saveExtraction(db: Database, documentId: string, doc: ExtractedDocument, next: 'ocr' | 'detecting'): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rowCount } = await tx.query(
      `UPDATE documents SET status = $2, page_count = $3, updated_at = now() WHERE id = $1 AND status = 'extracting'`,
      [documentId, next, doc.pages.length],
    );
    if (rowCount !== 1) return false;
    await tx.query('DELETE FROM pages WHERE document_id = $1', [documentId]);
    await insertPages(tx, documentId, doc.pages);
    return true;
  });
}

/** Replaces one page with its OCR result. False when the document is no longer in OCR. */
export async function saveOcrPage(db: Database, documentId: string, page: Page): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query('SELECT 1 FROM documents WHERE id = $1 AND status = $2 FOR UPDATE', [documentId, 'ocr']);
    if (!rows.length) return false;
    await tx.query('DELETE FROM pages WHERE document_id = $1 AND number = $2', [documentId, page.number]);
    await insertPages(tx, documentId, [page]);
    return true;
  });
}

async function insertPages(q: Queryable, documentId: string, pages: readonly Page[]): Promise<void> {
  if (!pages.length) return;
  // One statement for all pages: a document can have hundreds.
  await q.query(
    `INSERT INTO pages (document_id, number, width, height, source, needs_ocr, ocr_confidence, words, ocr_regions, unread_regions, hidden_words)
     SELECT $1, p.number, p.width, p.height, p.source, p."needsOcr", p."ocrConfidence", p.words, p."ocrRegions", p."unreadRegions", p."hiddenWords"
     FROM jsonb_to_recordset($2::jsonb) AS p(number int, width real, height real, source text, "needsOcr" boolean, "ocrConfidence" real, words jsonb,
       "ocrRegions" jsonb, "unreadRegions" jsonb, "hiddenWords" jsonb)`,
    [documentId, JSON.stringify(pages)],
  );
}

interface PageRow {
  number: number;
  width: number;
  height: number;
  source: TextSource;
  needs_ocr: boolean;
  ocr_confidence: number | null;
  words: Word[];
  ocr_regions: Box[] | null;
  unread_regions: Box[] | null;
  hidden_words: Word[] | null;
}

export async function loadExtractedDocument(q: Queryable, documentId: string): Promise<ExtractedDocument> {
  const { rows } = await q.query<PageRow>('SELECT * FROM pages WHERE document_id = $1 ORDER BY number', [documentId]);
  return {
    pages: rows.map((r) => ({
      number: r.number,
      width: r.width,
      height: r.height,
      words: r.words,
      source: r.source,
      needsOcr: r.needs_ocr,
      ...(r.ocr_confidence === null ? {} : { ocrConfidence: r.ocr_confidence }),
      ...(r.ocr_regions === null ? {} : { ocrRegions: r.ocr_regions }),
      ...(r.unread_regions === null ? {} : { unreadRegions: r.unread_regions }),
      ...(r.hidden_words === null ? {} : { hiddenWords: r.hidden_words }),
    })),
  };
}

export async function pagesNeedingOcr(q: Queryable, documentId: string): Promise<number[]> {
  const { rows } = await q.query<{ number: number }>(
    'SELECT number FROM pages WHERE document_id = $1 AND needs_ocr ORDER BY number',
    [documentId],
  );
  return rows.map((r) => r.number);
}
