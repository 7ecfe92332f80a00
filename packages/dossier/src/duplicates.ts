import { tokens } from './text.js';

/** A page that is (almost) a page of an earlier document: the same e-mail thread quoted again. */
export interface PageDuplicate {
  page: number;
  ofDocument: number;
  ofPage: number;
  /** Jaccard similarity of the two pages' word trigrams, 0..1. */
  similarity: number;
}

export interface DuplicateFinding {
  /** Number of the earlier document with the same text on every page (bytes may differ). */
  duplicateOf?: number;
  /** Pages of this document that nearly equal a page of an earlier one (not listed for an exact duplicate). */
  nearDuplicatePages: PageDuplicate[];
}

/** The text of one document's pages, as extracted (text layer or OCR). */
export interface DocumentText {
  /** 1-based number in the batch; the lower number is the original. */
  number: number;
  pages: readonly string[];
}

export const NEAR_DUPLICATE_SIMILARITY = 0.95;
/** Shorter pages ("Bijlage 2", a cover sheet) are alike in every dossier; they say nothing. */
const MIN_PAGE_WORDS = 12;
const SHINGLE_WORDS = 3;

function shingles(text: string): string[] {
  const words = tokens(text);
  if (words.length < MIN_PAGE_WORDS) return [];
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) set.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return [...set];
}

interface IndexedPage {
  document: number;
  page: number;
  /** Shingles, rarest in the batch first (the order prefix filtering needs). */
  shingles: string[];
  set: Set<string>;
}

/** Smallest overlap two sets of which one has `size` members need for `threshold` similarity. */
function minOverlap(size: number, threshold: number): number {
  return Math.ceil(threshold * size - 1e-9);
}

function earlier(a: IndexedPage, b: IndexedPage): boolean {
  return a.document < b.document || (a.document === b.document && a.page < b.page);
}

function jaccard(a: IndexedPage, b: IndexedPage): number {
  const [small, large] = a.set.size <= b.set.size ? [a.set, b.set] : [b.set, a.set];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.set.size + b.set.size - shared);
}

/**
 * Exact duplicates (the same text on every page, whatever the bytes: a re-saved or re-scanned
 * copy) and near-duplicate pages (word-trigram Jaccard ≥ `threshold`) against earlier documents
 * of the batch. Candidate pairs come from prefix filtering (a pair this similar must share one
 * of the rarest shingles of each page), so a batch costs about linear time, not all pairs.
 */
export function findDuplicates(documents: readonly DocumentText[], threshold = NEAR_DUPLICATE_SIMILARITY): Map<number, DuplicateFinding> {
  const ordered = [...documents].sort((a, b) => a.number - b.number);
  const result = new Map<number, DuplicateFinding>();
  const firstWithText = new Map<string, number>();
  const pending: IndexedPage[] = [];
  for (const doc of ordered) {
    const finding: DuplicateFinding = { nearDuplicatePages: [] };
    result.set(doc.number, finding);
    const normalized = doc.pages.map((p) => tokens(p).join(' '));
    const fingerprint = normalized.join('\f');
    if (normalized.some(Boolean)) {
      const original = firstWithText.get(fingerprint);
      if (original !== undefined) {
        finding.duplicateOf = original;
        continue;
      }
      firstWithText.set(fingerprint, doc.number);
    }
    doc.pages.forEach((text, i) => {
      const list = shingles(text);
      if (list.length) pending.push({ document: doc.number, page: i + 1, shingles: list, set: new Set(list) });
    });
  }

  const frequency = new Map<string, number>();
  for (const p of pending) for (const s of p.shingles) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  for (const p of pending) p.shingles.sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0));

  const index = new Map<string, IndexedPage[]>();
  for (const page of pending) {
    const size = page.set.size;
    const prefix = page.shingles.slice(0, size - minOverlap(size, threshold) + 1);
    const seen = new Set<IndexedPage>();
    let best: { other: IndexedPage; similarity: number } | undefined;
    for (const s of prefix) {
      for (const other of index.get(s) ?? []) {
        if (seen.has(other) || other.document === page.document) continue;
        seen.add(other);
        const otherSize = other.set.size;
        if (otherSize < minOverlap(size, threshold) || size < minOverlap(otherSize, threshold)) continue;
        const similarity = jaccard(page, other);
        if (similarity >= threshold && (!best || similarity > best.similarity || (similarity === best.similarity && earlier(other, best.other)))) best = { other, similarity };
      }
    }
    if (best) {
      result.get(page.document)!.nearDuplicatePages.push({
        page: page.page,
        ofDocument: best.other.document,
        ofPage: best.other.page,
        similarity: Math.round(best.similarity * 1000) / 1000,
      });
    }
    for (const s of prefix) {
      let refs = index.get(s);
      if (!refs) index.set(s, (refs = []));
      refs.push(page);
    }
  }
  return result;
}
