import { isApplied, overlapShare, type Category, type ExtractedDocument, type Redaction } from '@woo/core';

/** What a redaction over a word means for the published page: blacked out, an open suggestion
 * (visible unless a reviewer accepts it), or rejected (stays visible on purpose). */
export type WordState = 'applied' | 'open' | 'rejected';

/** How a page reads to the dossier checks: its words as plain text, and which are covered. */
export interface PageView {
  page: number;
  /** The page's words (NFC) joined by single spaces. */
  text: string;
  /** Offset of each word in `text`. */
  wordStarts: number[];
  /** Per word: the strongest state of a redaction over it, null when none touches it. */
  states: Array<WordState | null>;
}

export interface RedactedString {
  text: string;
  category: Category;
  page: number;
}

/** One document as the dossier checks see it: small enough to keep for a whole batch (words and
 * states, no boxes), so the CLI need not hold every extracted document in memory. */
export interface DocumentView {
  /** 1-based number in the batch (the inventory's "Nr."). */
  number: number;
  name: string;
  pages: PageView[];
  /** What the export blacks out, as strings: the seeds of the consistency check. */
  redacted: RedactedString[];
}

const RANK: Record<WordState, number> = { rejected: 1, open: 2, applied: 3 };
/** A word counts as under a box when this share of its area is: a box over the local part of
 * an e-mail address covers its word, a box that merely touches a neighbour does not. */
const COVERED_SHARE = 0.2;

function stateOf(r: Redaction): WordState {
  if (isApplied(r)) return 'applied';
  return r.status === 'rejected' ? 'rejected' : 'open';
}

/** The text of each page as the dossier checks read it: its words joined by single spaces. */
export function pageTexts(doc: ExtractedDocument): string[] {
  return doc.pages.map((p) => p.words.map((w) => w.text.normalize('NFC')).join(' '));
}

/** The view of `doc` with `redactions` as the export would apply them (apply the export policy
 * first: under accept-suggested an open suggestion is blacked out). */
export function documentView(number: number, name: string, doc: ExtractedDocument, redactions: readonly Redaction[]): DocumentView {
  const pages = doc.pages.map((page): PageView => {
    const onPage = redactions.filter((r) => r.page === page.number);
    const wordStarts: number[] = [];
    const states: Array<WordState | null> = [];
    let text = '';
    for (const word of page.words) {
      if (text) text += ' ';
      wordStarts.push(text.length);
      text += word.text.normalize('NFC');
      let state: WordState | null = null;
      for (const r of onPage) {
        if (!r.boxes.some((b) => overlapShare(word.box, b) >= COVERED_SHARE)) continue;
        const s = stateOf(r);
        if (!state || RANK[s] > RANK[state]) state = s;
      }
      states.push(state);
    }
    return { page: page.number, text, wordStarts, states };
  });
  const redacted = redactions.filter(isApplied).map((r) => ({ text: r.text, category: r.category, page: r.page }));
  return { number, name, pages, redacted };
}

/** Indices of the words that the characters [start, end) of the page text touch. */
export function wordsInSpan(page: PageView, start: number, end: number): number[] {
  const touched: number[] = [];
  page.wordStarts.forEach((ws, i) => {
    const next = page.wordStarts[i + 1] ?? page.text.length + 1;
    // a word runs from its start to the space before the next word
    if (ws < end && next - 1 > start) touched.push(i);
  });
  return touched;
}

/** How a stretch of page text ends up in the export: covered when every word it touches is
 * blacked out; otherwise visible, and why (a rejected suggestion, an open one, or nothing). */
export function spanState(page: PageView, start: number, end: number): 'covered' | 'rejected' | 'open' | 'not-suggested' {
  const states = wordsInSpan(page, start, end).map((i) => page.states[i] ?? null);
  if (states.length && states.every((s) => s === 'applied')) return 'covered';
  if (states.includes('rejected')) return 'rejected';
  if (states.includes('open')) return 'open';
  return 'not-suggested';
}
