import type { Token } from './tokenize.js';

export type Rule =
  | 'e-mail'
  | 'honorific'
  | 'initials+surname'
  | 'first+surname'
  | 'surname+first'
  | 'action-owner'
  | 'name-column'
  | 'initials-label'
  | 'allcaps'
  | 'first'
  | 'first+verb'
  | 'first-ambiguous'
  | 'coordinated'
  | 'foreign-spelling'
  | 'particle+surname'
  | 'surname'
  | 'greeting'
  | 'signoff'
  | 'header'
  | 'attendance'
  | 'list'
  | 'speaker'
  | 'document';

/** 3 = sure, 2 = strong, 1 = probable, 0 = needs support (returned below 0.5 for a reviewer). */
export type Strength = 0 | 1 | 2 | 3;

/** A name candidate over tokens s..e (inclusive). */
export interface Candidate {
  s: number;
  e: number;
  rule: Rule;
  strength: Strength;
  /** Short Dutch reason for the reviewer. */
  explanation: string;
  /** Why a filter keeps it visible (Dutch); dropped candidates are not returned. */
  drop?: string;
}

export const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';
/** Capitalised or all-caps word: the only shapes a name takes in running text. */
export const nameCase = (t: Token | undefined): boolean => isWord(t) && (t.title || t.caps);

/** Folded name tokens of a candidate: words that are not particles (initials excluded). */
export function nameKeys(W: readonly Token[], c: Candidate): string[] {
  const keys: string[] = [];
  for (let i = c.s; i <= c.e; i++) {
    const t = W[i]!;
    if (isWord(t) && !t.particle && !t.honorific) keys.push(t.key);
  }
  return keys;
}
