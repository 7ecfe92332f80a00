import type { Category } from '@woo/core';
import { spanState, type DocumentView, type PageView } from './document-view.js';
import { entityKey, isComparable, tokens, wordPattern } from './text.js';

export type VisibleReason = 'rejected' | 'open' | 'not-suggested';

export interface VisibleOccurrence {
  document: number;
  name: string;
  page: number;
  reason: VisibleReason;
}

/** One string blacked out somewhere in the dossier and readable elsewhere in it. */
export interface Inconsistency {
  /** What an allowance names (entityKey of the text). */
  key: string;
  /** The string as it was first redacted. */
  text: string;
  category: Category;
  redactedIn: Array<{ document: number; name: string; pages: number[] }>;
  visibleIn: VisibleOccurrence[];
}

/** Dutch reasons, for the CLI, the report and the API. */
export const VISIBLE_REASON_LABELS: Record<VisibleReason, string> = {
  rejected: 'voorstel afgewezen',
  open: 'voorstel staat open',
  'not-suggested': 'niet voorgesteld',
};

interface Seed {
  text: string;
  category: Category;
  redactedIn: Map<number, Set<number>>;
}

interface PageRef {
  view: DocumentView;
  page: PageView;
}

/** Every page that holds `token`, so a string is only searched where all its words occur. */
function tokenIndex(views: readonly DocumentView[]): Map<string, PageRef[]> {
  const index = new Map<string, PageRef[]>();
  for (const view of views) {
    for (const page of view.pages) {
      for (const t of new Set(tokens(page.text))) {
        let refs = index.get(t);
        if (!refs) index.set(t, (refs = []));
        refs.push({ view, page });
      }
    }
  }
  return index;
}

function seedsOf(views: readonly DocumentView[], allowed: ReadonlySet<string>): Map<string, Seed> {
  const seeds = new Map<string, Seed>();
  for (const view of views) {
    for (const r of view.redacted) {
      const key = entityKey(r.text);
      if (!isComparable(r.text) || allowed.has(key)) continue;
      let seed = seeds.get(key);
      if (!seed) seeds.set(key, (seed = { text: r.text.trim(), category: r.category, redactedIn: new Map() }));
      let pages = seed.redactedIn.get(view.number);
      if (!pages) seed.redactedIn.set(view.number, (pages = new Set()));
      pages.add(r.page);
    }
  }
  return seeds;
}

/**
 * The cross-document consistency check that runs before a batch is exported: every string the
 * export blacks out in one place and that stays readable in another (its suggestion rejected or
 * left open, or never suggested there) is listed, with the documents and pages on both sides.
 * Occurrences are whole words, case-insensitive, hyphen or line break between words alike.
 * `allowed` holds entity keys a person explicitly allowed to stay visible.
 */
export function checkConsistency(views: readonly DocumentView[], allowed: ReadonlySet<string> = new Set()): Inconsistency[] {
  const index = tokenIndex(views);
  const names = new Map(views.map((v) => [v.number, v.name]));
  const found: Inconsistency[] = [];
  for (const [key, seed] of seedsOf(views, allowed)) {
    const words = tokens(seed.text);
    const pattern = wordPattern(seed.text);
    if (!words.length || !pattern) continue;
    // only pages holding the rarest of its words can hold the string
    const candidates = words.map((w) => index.get(w) ?? []).reduce((a, b) => (b.length < a.length ? b : a));
    const visibleIn: VisibleOccurrence[] = [];
    for (const { view, page } of candidates) {
      for (const m of page.text.matchAll(pattern)) {
        const state = spanState(page, m.index, m.index + m[0].length);
        if (state === 'covered') continue;
        visibleIn.push({ document: view.number, name: view.name, page: page.page, reason: state });
        break; // one listing per page is enough to find it
      }
    }
    if (!visibleIn.length) continue;
    found.push({
      key,
      text: seed.text,
      category: seed.category,
      redactedIn: [...seed.redactedIn].sort(([a], [b]) => a - b).map(([document, pages]) => ({ document, name: names.get(document) ?? '', pages: [...pages].sort((a, b) => a - b) })),
      visibleIn: visibleIn.sort((a, b) => a.document - b.document || a.page - b.page),
    });
  }
  return found.sort((a, b) => a.key.localeCompare(b.key, 'nl'));
}

/** The list as Dutch lines, for the CLI and the confidential report. */
export function formatInconsistencies(list: readonly Inconsistency[]): string[] {
  const where = (doc: number, name: string, pages: readonly number[]) => `${doc}. ${name} (p. ${pages.join(', ')})`;
  return list.map(
    (i) =>
      `'${i.text}' gelakt in ${i.redactedIn.map((r) => where(r.document, r.name, r.pages)).join('; ')}; ` +
      `zichtbaar in ${i.visibleIn.map((v) => `${where(v.document, v.name, [v.page])}: ${VISIBLE_REASON_LABELS[v.reason]}`).join('; ')}`,
  );
}
