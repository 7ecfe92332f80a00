/**
 * Names of people that are part of the name of an organisation, a street or a place ("Verwey-Jonker
 * Instituut", "Stichting Sarphati", "Jacob Bontiusplaats", "gemeente Anna Paulowna"). Where the
 * context makes that sure, the name is learned, and its variants stay visible wherever the dossier
 * writes them without that context: with or without the hyphen ("Verwey Jonker"), without the
 * organisation or street word ("Verwey-Jonker", "Bontius"). Learned per document and, through the
 * Dossier, for every document of the batch.
 */
import type { Lexicon } from '../lexicon/index.js';
import { INSTITUTION_COMPOUND, ORG_BEFORE, PARTICLES, STREET_SUFFIX_STRONG } from '../lexicon/words.js';
import { type Candidate, isWord } from './candidate.js';
import { orgStarts } from './rules.js';
import type { Token } from './tokenize.js';

export interface KeepNames {
  /** Whole names, folded, hyphens as spaces: "verwey jonker", "jacob bontius". */
  phrases: Set<string>;
  /** Their name words: "verwey", "jonker", "bontius" (only weak surname guesses yield to these). */
  parts: Set<string>;
}

export const emptyKeepNames = (): KeepNames => ({ phrases: new Set(), parts: new Set() });

export function mergeKeepNames(into: KeepNames, from: KeepNames): void {
  for (const p of from.phrases) into.phrases.add(p);
  for (const p of from.parts) into.parts.add(p);
}

/** Organisation words after which the words before them are surely an organisation's name (not the
 * weaker "Rapport", "Advies", "Bureau", "Huis" of ORG_AFTER: a person may stand before those on a line). */
const SURE_ORG_WORDS = new Set(`instituut stichting fonds academie b.v. bv n.v. nv ziekenhuis school universiteit hogeschool
college museum theater foundation institute kliniek bibliotheek kerk moskee gasthuis arena stadion`.split(/\s+/));
/** Organisation words that name a public body after a place, not after a person. */
const PLACE_BODIES = new Set(['gemeente', 'provincie']);
const PLACE_WORDS = new Set(['gemeente', 'in', 'te', 'naar', 'uit', 'dorp', 'stad', 'plaats']);
const MAX_NAME_WORDS = 4;
/** Candidates of these rules have a person's shape whatever an organisation is called. */
const PERSON_CONTEXT = new Set(['honorific', 'initials+surname', 'surname+first']);
/** Weak surname guesses: the only candidates a single learned word overrules. */
const WEAK_SURNAME = new Set(['surname', 'particle+surname', 'first-ambiguous', 'document', 'foreign-spelling', 'first+verb']);

const WHOLE_NAME = 'naam van een organisatie, straat of plaats in het dossier';
const words = (t: Token): string[] => t.key.split('-').filter(Boolean);
const sameLine = (W: readonly Token[], a: number, b: number): boolean => !W[b]!.lineStart && W[b]!.start - W[a]!.end <= 1;

/** Folded words of tokens s..e, particles included, honorifics left out ("van gogh", "verwey jonker"). */
export function phraseOf(W: readonly Token[], s: number, e: number): string[] {
  const out: string[] = [];
  for (let k = s; k <= e; k++) {
    const t = W[k]!;
    if (isWord(t) && !t.honorific) out.push(...words(t));
  }
  return out;
}

/** Learn the person-named organisations, streets and places of one document's tokens. */
export function learnKeepNames(W: readonly Token[], L: Lexicon, into: KeepNames): void {
  const nameWord = (t: Token | undefined): t is Token => isWord(t) && (t.title || t.caps) && !t.particle && !L.isStopword(t.key);
  const learn = (s: number, e: number) => {
    // trim particles and function words at the edges: "het Verwey-Jonker", "Burgemeester de Vlugt"
    while (s <= e && !nameWord(W[s])) s++;
    while (e >= s && !nameWord(W[e])) e--;
    if (s <= e) learnPhrase(phraseOf(W, s, e));
  };
  // named after a person: a word a name lexicon knows, or one that is no ordinary word
  const personal = (w: string) => L.isFirstName(w) || L.isSurname(w) || !L.isCommonWord(w);
  const learnPhrase = (phrase: string[]) => {
    if (!phrase.some(personal)) return;
    into.phrases.add(phrase.join(' '));
    for (const w of phrase) if (w.length > 2 && !L.isStopword(w) && personal(w)) into.parts.add(w);
  };
  /** The name words before token j on its line: capitalised words with particles between them. */
  const back = (j: number, limit = MAX_NAME_WORDS): number => {
    let s = j;
    while (s - 1 >= 0 && j - (s - 1) <= limit && sameLine(W, s - 1, s) && isWord(W[s - 1]) && (W[s - 1]!.title || W[s - 1]!.caps || W[s - 1]!.particle)) s--;
    return s;
  };
  const forward = (j: number): number => {
    let e = j;
    while (e + 1 < W.length && e + 1 - j <= MAX_NAME_WORDS && sameLine(W, e, e + 1) && isWord(W[e + 1]) && (W[e + 1]!.title || W[e + 1]!.caps || W[e + 1]!.particle)) e++;
    return e;
  };

  for (let j = 0; j < W.length; j++) {
    const t = W[j]!;
    if (!isWord(t) || !(t.title || t.caps)) continue;
    // "Verwey-Jonker Instituut", "Prins Bernhard Cultuurfonds": the name before an organisation word
    if ((SURE_ORG_WORDS.has(t.key) || INSTITUTION_COMPOUND.test(t.key)) && !orgStarts(W, j) && j > 0 && sameLine(W, j - 1, j)) {
      learn(back(j - 1), j - 1);
    }
    // "Trimbos-instituut": the name and the organisation word in one hyphenated word
    if (t.key.includes('-')) {
      const hyphenated = words(t);
      if (hyphenated.length > 1 && SURE_ORG_WORDS.has(hyphenated.at(-1)!)) learnPhrase(hyphenated.slice(0, -1));
    }
    // "Stichting Sarphati": the name after an organisation word that starts one
    if (ORG_BEFORE.has(t.key) && !PLACE_BODIES.has(t.key) && orgStarts(W, j)) learn(j + 1, forward(j + 1));
    // "Jacob Bontiusplaats", "Thorbeckeplein": the person's name is the street's stem and the words before it
    const street = STREET_SUFFIX_STRONG.exec(t.key);
    if (street && t.title) {
      const stem = t.key.slice(0, street.index + 1).replace(/-$/, '');
      if (stem.length >= 4 && !L.isCommonWord(stem)) {
        let s = back(j, MAX_NAME_WORDS - 1);
        while (s < j && !nameWord(W[s])) s++;
        into.phrases.add([...phraseOf(W, s, j - 1), stem].join(' '));
        into.parts.add(stem);
        if (s < j) learn(s, j - 1);
      }
    }
    // a place or street the gazetteers know, in a sure context: "gemeente Anna Paulowna", "Willem de Zwijgerlaan 350"
    const prev = W[j - 1];
    if (isWord(prev) && PLACE_WORDS.has(prev.key)) {
      const e = forward(j);
      for (let k = e; k > j; k--) if (L.isPlace(phraseOf(W, j, k).join(' '))) { learn(j, k); break; }
    }
  }
}

/** Why a candidate stays visible as (part of) a learned person-named organisation, street or place. */
function keepNameReason(W: readonly Token[], c: Candidate, keep: KeepNames, personKeys: ReadonlySet<string>): string | undefined {
  if (PERSON_CONTEXT.has(c.rule)) return undefined;
  const phrase = phraseOf(W, c.s, c.e);
  if (keep.phrases.has(phrase.join(' '))) return WHOLE_NAME;
  if (!WEAK_SURNAME.has(c.rule)) return undefined;
  // one word of such a name, unless the document names a person with it ("Piet Jonker")
  const names = phrase.filter((w) => !PARTICLES.has(w));
  if (names.length && names.every((w) => keep.parts.has(w) && !personKeys.has(w))) return 'deel van de naam van een organisatie, straat of plaats in het dossier';
  return undefined;
}

/** Rules that name a person by shape; their words stay personal even where an organisation shares them. */
const PERSON_SEEDS = new Set(['honorific', 'initials+surname', 'first+surname', 'surname+first', 'allcaps', 'header', 'signoff', 'greeting', 'speaker', 'attendance']);

/** Drop the candidates that are a learned organisation, street or place name; returns the words this
 * document uses for people (pass them again for candidates added later). */
export function applyKeepNames(W: readonly Token[], cands: Candidate[], keep: KeepNames, personKeys?: ReadonlySet<string>): ReadonlySet<string> {
  if (!keep.phrases.size && !keep.parts.size) return personKeys ?? new Set();
  for (const c of cands) if (!c.drop && !PERSON_CONTEXT.has(c.rule) && keep.phrases.has(phraseOf(W, c.s, c.e).join(' '))) c.drop = WHOLE_NAME;
  const people = personKeys ?? new Set(cands.filter((c) => !c.drop && c.strength >= 2 && PERSON_SEEDS.has(c.rule)).flatMap((c) => phraseOf(W, c.s, c.e)));
  for (const c of cands) if (!c.drop) c.drop = keepNameReason(W, c, keep, people);
  return people;
}
