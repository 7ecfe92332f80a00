import { isApplied, overlapShare, type Box } from '@woo/core';
import { listBatchDocuments, listRedactions, loadExtractedDocument, type Queryable, type RedactionRecord } from '@woo/db';
import { findOccurrences, type Occurrence } from './manual.js';

/** A search hit, and whether a box that will be blacked out already covers it. */
export interface SearchHit extends Occurrence {
  redacted: boolean;
}

export interface DocumentHits {
  documentId: string;
  filename: string;
  hits: SearchHit[];
}

export interface BatchSearch {
  documents: DocumentHits[];
  /** Documents whose text cannot be searched now (still being read, or failed). */
  notSearchable: string[];
}

/** Documents whose text is final: the ones a reviewer decides on. */
const SEARCHABLE = new Set(['in_review', 'exported']);
/** A hit counts as covered when boxes to be blacked out cover this share of each of its boxes;
 * "Jan" blacked out does not cover a hit on "Jan de Vries". */
const COVERED_SHARE = 0.9;

function coveredBy(box: Box, applied: readonly Box[]): boolean {
  return applied.reduce((share, a) => share + overlapShare(box, a), 0) >= COVERED_SHARE;
}

/** Marks each hit that applied redactions on its page already cover. */
export function markRedacted(hits: readonly Occurrence[], redactions: readonly Pick<RedactionRecord, 'page' | 'boxes' | 'status'>[]): SearchHit[] {
  const appliedByPage = new Map<number, Box[]>();
  for (const r of redactions) if (isApplied(r)) appliedByPage.set(r.page, [...(appliedByPage.get(r.page) ?? []), ...r.boxes]);
  return hits.map((h) => ({ ...h, redacted: h.boxes.every((b) => coveredBy(b, appliedByPage.get(h.page) ?? [])) }));
}

/** Every whole-word occurrence of `text` in the searchable documents of a batch, per document
 * (documents without a hit are left out). */
export async function searchBatch(q: Queryable, batchId: string, text: string): Promise<BatchSearch> {
  const result: BatchSearch = { documents: [], notSearchable: [] };
  for (const doc of await listBatchDocuments(q, batchId)) {
    if (!SEARCHABLE.has(doc.status)) {
      result.notSearchable.push(doc.filename);
      continue;
    }
    const hits = findOccurrences(await loadExtractedDocument(q, doc.id), text);
    if (hits.length) result.documents.push({ documentId: doc.id, filename: doc.filename, hits: markRedacted(hits, await listRedactions(q, doc.id)) });
  }
  return result;
}
