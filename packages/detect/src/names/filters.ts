/**
 * Filters that keep candidates visible (research design §5.1 step 5). They only drop; each drop
 * records a Dutch reason. Order: coordinator lists, places, streets, organisations, officials.
 * Organisations and role-context officials found here also suppress the same tokens elsewhere in
 * the document (organisations only for surname-type candidates, which are the ones they collide with).
 */
import type { Lexicon } from '../lexicon/index.js';
import {
  INSTITUTION_COMPOUND,
  INSTITUTION_SUFFIX,
  OFFICIAL_ROLES,
  ORG_AFTER,
  PERSON_NOUN,
  ORG_BEFORE,
  STREET_PREPOSITIONS,
  STREET_SUFFIX_STRONG,
  STREET_SUFFIX_WEAK,
} from '../lexicon/words.js';
import { fold } from '../lexicon/fold.js';
import { type Candidate, isWord, nameCase, nameKeys } from './candidate.js';
import { keyOfSpan, type Token } from './tokenize.js';
import { orgStarts } from './rules.js';

/** Dutch political parties: "Lid Kaya (GL)" is a council member. A department abbreviation after a
 * name ("(WPI)") is not: employees stay protected. */
const PARTIES = new Set(
  'vvd cda d66 pvda gl groenlinks groenlinks-pvda gl-pvda sp pvv pvdd cu christenunie sgp denk ja21 bbb volt fvd bij1 50plus nsc partij piratenpartij'.split(' '),
);
/** Abbreviations of roles written after a name: "(Karin WH)", "GS". */
const ROLE_ABBREVIATIONS = new Set(['wh', 'gs', 'bm', 'burg']);
/** Titles that street names carry ("Dr. Zamenhofstraat", "Prof. Tulpplein", "Burg. …" is a street word already). */
const STREET_TITLES = new Set(['dr', 'mr', 'prof', 'ir', 'ds', 'drs']);
const SURNAME_RULES = new Set(['surname', 'particle+surname', 'first-ambiguous', 'document']);

/** Rules whose shape is a person's, whatever a place gazetteer says ("mw. Ter Horst"). */
const PERSON_SHAPED = new Set(['name-column', 'honorific', 'initials+surname', 'surname+first', 'first+surname']);
export const PLACE_DROP = 'plaatsnaam';

export interface Range {
  start: number;
  end: number;
}

export interface FilterContext {
  W: readonly Token[];
  L: Lexicon;
  /** Folded name parts of the officials list. */
  officialParts: ReadonlySet<string>;
  /** Character ranges that stay visible: keep list, organisation list, officials' full names. */
  protectedRanges: readonly Range[];
}

export interface FilterResult {
  orgTokens: Set<string>;
  officialTokens: Set<string>;
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

function sameLineNext(W: readonly Token[], e: number): Token | undefined {
  const n = W[e + 1];
  return n && !n.lineStart && n.start - W[e]!.end === 1 ? n : undefined;
}

function streetReason(ctx: FilterContext, c: Candidate): string | undefined {
  const { W, L } = ctx;
  const last = W[c.e]!;
  const next = W[c.e + 1];
  const prev = W[c.s - 1];
  const houseNumber = next?.kind === 'number' && !next.lineStart;
  const streetPrep = isWord(prev) && !prev.title && (prev.particle || STREET_PREPOSITIONS.has(prev.key)) && isWord(W[c.s - 2]) && STREET_PREPOSITIONS.has(W[c.s - 2]!.key);
  const afterT = c.e > c.s && W[c.e - 1]!.key === "'t"; // "van 't Hof" is a surname
  if (!afterT && c.rule !== 'honorific' && STREET_SUFFIX_STRONG.test(last.key)) return 'straatnaam';
  // streets named after a doctor or a lawyer: "Dr. Zamenhofstraat", "Mr. Visserplein"
  const title = W[c.s - 1];
  if (c.rule === 'honorific' && c.s === c.e && title?.honorific && STREET_TITLES.has(title.key) && STREET_SUFFIX_STRONG.test(last.key)) return 'straatnaam';
  // the name is the first part of a street name: "Jan Pieterszoon Coenstraat", "Frederik Hendrikplantsoen"
  const glued = sameLineNext(W, c.e);
  if (isWord(glued) && glued!.title && STREET_SUFFIX_STRONG.test(glued!.key) && c.rule !== 'honorific') return 'deel van een straatnaam';
  if (!afterT && (houseNumber || streetPrep) && STREET_SUFFIX_WEAK.test(last.key) && c.rule !== 'honorific') return 'straatnaam';
  const full = keyOfSpan(W, c.s, c.e);
  if (L.isStreet(full) && (houseNumber || streetPrep || (c.e > c.s && c.strength < 3 && c.rule !== 'honorific'))) return 'straatnaam (gazetteer)';
  return undefined;
}

function orgReason(ctx: FilterContext, c: Candidate): string | undefined {
  const { W, L } = ctx;
  const last = W[c.e]!;
  const next = sameLineNext(W, c.e);
  const prev = W[c.s - 1];
  // not when the organisation word starts a name of its own: a table whose columns ran together
  // ("Samira Owusu-Verbeek Stichting Sarphati")
  if (nameCase(next) && ORG_AFTER.has(next!.key) && !orgStarts(W, c.e + 1)) return `organisatie (gevolgd door '${next!.text}')`;
  if (isWord(prev) && prev.title && ORG_BEFORE.has(prev.key)) return `organisatie (na '${prev.text}')`;
  // the same over a line break: "… het Stichting\nWibaut wordt", "Prins Bernhard\nCultuurfonds heeft"
  const prevWrapped = prev?.kind === 'newline' ? W[c.s - 2] : undefined;
  if (isWord(prevWrapped) && prevWrapped.title && ORG_BEFORE.has(prevWrapped.key) && W[c.s]!.title) return `organisatie (na '${prevWrapped.text}')`;
  const after = next ?? (W[c.e + 1]?.kind === 'newline' && isWord(W[c.e + 2]) ? W[c.e + 2] : undefined);
  if (after && after.title && !after.particle) {
    const inst = INSTITUTION_SUFFIX.exec(after.key);
    if ((ORG_AFTER.has(after.key) && after !== next && !orgStarts(W, c.e + 2)) || (inst && inst.index >= 3 && !L.isSurname(after.key) && !L.isFirstName(after.key)))
      return `organisatie (gevolgd door '${after.text}')`;
  }
  // "Thorbeckehuis", "Domela Nieuwenhuishuis": a name + an institution noun is a building or a fund,
  // unless the whole word is itself a surname (Nieuwenhuis, Oosterhuis)
  const inst = INSTITUTION_SUFFIX.exec(last.key);
  if (inst) {
    const stem = last.key.slice(0, inst.index).replace(/-$/, '');
    if (stem.length >= 4 && (L.isSurname(stem) || L.isFirstName(stem)) && !L.isSurname(last.key) && !L.isFirstName(last.key)) return 'naam van een instelling of gebouw';
    // a single word that the system gazetteers know as no name at all ("Spinozahuis" in a list of invitees)
    if (stem.length >= 4 && c.s === c.e && L.mode === 'system' && !PERSON_SHAPED.has(c.rule) && !L.isSurname(last.key) && !L.isFirstName(last.key)) return 'naam van een instelling of gebouw';
  }
  if (c.e > c.s && INSTITUTION_SUFFIX.test(last.key) && (L.isCommonWord(last.key) || ORG_AFTER.has(last.key) || INSTITUTION_COMPOUND.test(last.key)))
    return 'naam van een instelling';
  // a name directly followed by a capitalised ordinary word is a multi-word proper noun
  // ("Johan Cruijff ArenA", "Emma Kinderziekenhuis") — not after a honorific or initials
  if (
    next &&
    nameCase(next) &&
    !next.particle &&
    c.rule !== 'honorific' &&
    c.rule !== 'initials+surname' &&
    c.rule !== 'surname+first' &&
    L.mode === 'system' &&
    L.isCommonWord(next.key) &&
    !L.isStopword(next.key) &&
    !L.isFirstName(next.key) &&
    !L.isSurname(next.key) &&
    !PERSON_NOUN.test(next.key)
  )
    return `eigennaam van een organisatie of plek (gevolgd door '${next.text}')`;
  return undefined;
}

function officialReason(ctx: FilterContext, c: Candidate): string | undefined {
  const { W } = ctx;
  const prev = W[c.s - 1];
  const prev2 = W[c.s - 2];
  const keys = nameKeys(W, c);
  if (keys.length && keys.every((k) => ctx.officialParts.has(k))) return 'ambtsdrager (lijst)';
  if ((isWord(prev) && OFFICIAL_ROLES.has(prev.key)) || (isWord(prev2) && OFFICIAL_ROLES.has(prev2.key) && (prev?.text === ',' || (isWord(prev) && (prev.key === 'de' || prev.key === 'het')))))
    return `ambtsdrager (na '${(isWord(prev) && OFFICIAL_ROLES.has(prev.key) ? prev : prev2)!.text}')`;
  // "Lid Kaya (GL)": a party in brackets
  const n1 = W[c.e + 1];
  const n2 = W[c.e + 2];
  if (n1?.text === '(' && isWord(n2) && PARTIES.has(n2.key)) return `raadslid (partij ${n2.text})`;
  if (isWord(prev) && prev.key === 'lid' && prev.title) return "raadslid (na 'Lid')";
  // role after the name: "Karin de Boer, wethouder", "Karin de Boer (wethouder)", "Karin WH"
  if ((n1?.text === ',' || n1?.text === '(') && isWord(n2) && OFFICIAL_ROLES.has(n2.key)) return `ambtsdrager (${n2.text})`;
  if (isWord(n1) && n1.caps && ROLE_ABBREVIATIONS.has(n1.key)) return `ambtsdrager (${n1.text})`;
  return undefined;
}

/** Mark dropped candidates in place; return the tokens that suppress candidates document-wide. */
export function applyFilters(cands: Candidate[], ctx: FilterContext): FilterResult {
  const { W, L } = ctx;
  const orgTokens = new Set<string>();
  const officialTokens = new Set<string>();
  for (const c of cands) {
    const range = { start: W[c.s]!.start, end: W[c.e]!.end };
    if (ctx.protectedRanges.some((r) => overlaps(r, range))) {
      c.drop = 'staat op de lijst om zichtbaar te laten';
      continue;
    }
    const full = keyOfSpan(W, c.s, c.e);
    // a place name, unless its shape says person: after a honorific or initials, "Surname, Given",
    // or a tussenvoegsel + surname seen in a full name elsewhere in the document
    if ((c.e > c.s || c.strength < 2) && !PERSON_SHAPED.has(c.rule) && !(c.rule === 'document' && c.e > c.s) && L.isPlace(full)) {
      c.drop = PLACE_DROP;
      continue;
    }
    // under a heading such as "Achternaam" the cell is a surname, whatever streets it sounds like
    c.drop = c.rule === 'name-column' ? undefined : streetReason(ctx, c);
    if (c.drop) continue;
    c.drop = orgReason(ctx, c);
    if (c.drop) {
      if (SURNAME_RULES.has(c.rule) || c.e > c.s) for (const k of nameKeys(W, c)) orgTokens.add(k);
      continue;
    }
    c.drop = officialReason(ctx, c);
    if (c.drop && !c.drop.endsWith('(lijst)')) for (const k of nameKeys(W, c)) officialTokens.add(k);
  }
  // document-wide: the same tokens elsewhere
  for (const c of cands) {
    if (c.drop) continue;
    const keys = nameKeys(W, c);
    if (!keys.length) continue;
    if (SURNAME_RULES.has(c.rule) && keys.every((k) => orgTokens.has(k))) c.drop = 'deel van een organisatienaam elders in het document';
    else if (keys.every((k) => officialTokens.has(k))) c.drop = 'naam van een ambtsdrager elders in het document';
  }
  return { orgTokens, officialTokens };
}

/** Folded name parts of the officials list ("Hester van Buren" → hester, buren). */
export function officialPartsOf(officials: readonly string[], particles: ReadonlySet<string>): Set<string> {
  const parts = new Set<string>();
  for (const o of officials) for (const w of o.split(/[\s]+/)) if (w && !particles.has(w.toLowerCase())) parts.add(fold(w.replace(/[.,]$/, '')));
  return parts;
}
