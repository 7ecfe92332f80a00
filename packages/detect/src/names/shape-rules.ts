/**
 * Given names and surnames that no lexicon knows (frogdata and the npm lists miss many Moluccan,
 * Javanese-Surinamese, Ghanaian and Polish names), recognised by where they stand and how they are
 * spelled rather than by a list:
 *  - the subject of a sentence: "Wempi sluit aan." (first in the sentence, before a finite verb);
 *  - coordinated with a name: "Ruchama en Wempi", or as plural subjects: "Yopie en Fiifi sluiten aan";
 *  - spelled with letters Dutch never writes (ł, ś, ć, đ, ş, …): "Przemysław", "Đurić-Verhoeven".
 * "No lexicon knows it" means: capitalised, not a Dutch word, not a compound of Dutch words
 * ("Participatieavonden"), no place or street. Without the system word list only the spelling rule
 * applies: the builtin lists cannot tell an unknown name from an ordinary word.
 */
import type { Lexicon } from '../lexicon/index.js';
import { FINITE_VERBS, PLURAL_FINITE_VERBS } from '../lexicon/words.js';
import { type Candidate, type Rule, type Strength, isWord } from './candidate.js';
import type { Tokens } from './rules.js';
import type { Token } from './tokenize.js';

/** Letters of Polish, Czech, Croatian/Serbian, Turkish, Romanian and Hungarian spelling that no Dutch word has. */
const FOREIGN_LETTER = /[łńśźżąęćčšžđřğşıőűțșăľňťďůŁŃŚŹŻĄĘĆČŠŽĐŘĞŞİŐŰȚȘĂĽŇŤĎŮ]/u;
/** Linking sounds between the parts of a Dutch compound ("stad-s-deel", "bos-sen-gebied"). */
const LINKING = /(?:en|s|e)$/;

export const foreignSpelling = (t: Token): boolean => FOREIGN_LETTER.test(t.text);

/** A compound of Dutch words, with or without a linking sound, or a hyphenated pair of them. */
export function dutchCompound(L: Lexicon, key: string): boolean {
  const parts = key.split('-');
  if (parts.length > 1) return parts.every((p) => L.isCommonWord(p) || dutchCompound(L, p));
  for (let i = 3; i <= key.length - 3; i++) {
    if (!L.isCommonWord(key.slice(i))) continue;
    const head = key.slice(0, i);
    if (L.isCommonWord(head)) return true;
    const stem = head.replace(LINKING, '');
    if (stem !== head && stem.length >= 3 && L.isCommonWord(stem)) return true;
  }
  return false;
}

/** Neither a Dutch word, a compound of them, a place, a street nor a word that blocks names. */
export function unknownWord(L: Lexicon, t: Token): boolean {
  return !t.particle && t.key.length > 2 && !L.isStopword(t.key) && !L.isNameBlocker(t.key) &&
    !L.isCommonWord(t.key) && !L.isPlace(t.key) && !L.isStreet(t.key) && !dutchCompound(L, t.key);
}

export function shapeCandidates(T: Tokens, lexical: readonly Candidate[]): Candidate[] {
  const { W, L } = T;
  const strongest = new Int8Array(W.length).fill(-1);
  for (const c of lexical) for (let k = c.s; k <= c.e; k++) strongest[k] = Math.max(strongest[k]!, c.strength);
  const out: Candidate[] = [];
  const add = (s: number, e: number, rule: Rule, strength: Strength, explanation: string) => out.push({ s, e, rule, strength, explanation });

  const unknown = (t: Token | undefined): t is Token => isWord(t) && t.title && unknownWord(L, t);
  /** An unknown word that is a name: in system mode by the word list, else only by its spelling. */
  const unknownName = (i: number): boolean => {
    const t = W[i];
    return unknown(t) && (L.mode === 'system' || foreignSpelling(t));
  };
  /** A token that is already a name: a strong lexical candidate, or a lexicon first name that is no ordinary word. */
  const named = (i: number): boolean => strongest[i]! >= 2 || (T.isFirst(W[i]) && !T.ambiguous(W[i]!));
  const sameLine = (a: number, b: number): boolean => !W[b]!.lineStart && W[b]!.start - W[a]!.end <= 1;

  for (let i = 0; i < W.length; i++) {
    const t = W[i]!;
    if (!isWord(t)) continue;

    // coordination around "en" / "&": "Ruchama en Wempi", "Yopie en Fiifi sluiten aan"
    if ((t.key === 'en' || t.text === '&') && i > 0 && sameLine(i - 1, i) && W[i + 1] && sameLine(i, i + 1)) {
      const left = i - 1;
      const right = i + 1;
      const verb = W[right + 1];
      const pluralSubject = isWord(verb) && PLURAL_FINITE_VERBS.has(verb.key) && sameLine(right, right + 1);
      const leftNew = strongest[left]! < 1 && unknownName(left);
      const rightNew = strongest[right]! < 1 && unknownName(right);
      if (leftNew && named(right)) add(left, left, 'coordinated', 2, 'naam naast een andere naam');
      else if (rightNew && named(left)) add(right, right, 'coordinated', 2, 'naam naast een andere naam');
      else if (leftNew && rightNew && pluralSubject && W[left]!.sentStart) {
        add(left, left, 'coordinated', 1, 'onderwerp van de zin, samen met een andere naam');
        add(right, right, 'coordinated', 1, 'onderwerp van de zin, samen met een andere naam');
      }
      continue;
    }

    if (strongest[i]! >= 1) continue;
    const next = W[i + 1];
    // the subject of a sentence: "Wempi sluit aan."
    if (t.sentStart && unknownName(i) && isWord(next) && FINITE_VERBS.has(next.key) && sameLine(i, i + 1)) {
      add(i, i, 'first+verb', foreignSpelling(t) ? 2 : 1, 'onbekende naam als onderwerp van de zin');
      continue;
    }
    // spelled the way only names from abroad are: "Przemysław", "Đurić-Verhoeven", "Milica Đurić"
    if (foreignSpelling(t) && unknown(t)) {
      const before = i > 0 && sameLine(i - 1, i) && strongest[i - 1]! < 1 && unknown(W[i - 1]) ? i - 1 : i;
      const after = before === i && next && sameLine(i, i + 1) && strongest[i + 1]! < 1 && unknown(next) ? i + 1 : i;
      add(before, after, 'foreign-spelling', before < after ? 2 : 1, 'naam in buitenlandse spelling');
      i = after;
    }
  }
  return out;
}
