/**
 * Document consistency (research design R7). A name found by a strong rule (strength ≥ 2) makes its
 * parts known; weak candidates sharing a known part are promoted, and other capitalised occurrences
 * of known parts become names too ("Jan de Vries" → later "De Vries", "Jan"). Only strong mentions
 * seed: propagating weak guesses was measured to amplify errors (one "Raad" became sixteen).
 * Name pieces of e-mail local parts ("s.vandenberg@") support weak candidates the same way.
 */
import type { Lexicon } from '../lexicon/index.js';
import { FINITE_VERBS } from '../lexicon/words.js';
import { PLACE_DROP } from './filters.js';
import { unknownWord } from './shape-rules.js';
import { type Candidate, isWord, nameCase, nameKeys } from './candidate.js';
import type { Token } from './tokenize.js';

export interface ConsistencyInput {
  W: readonly Token[];
  L: Lexicon;
  cands: Candidate[];
  /** Tokens that stay visible everywhere (officials, organisations). */
  blocked: ReadonlySet<string>;
  /** Folded pieces of each e-mail address's local part. */
  emailNames: ReadonlyArray<readonly string[]>;
  /** Name parts found with certainty in other documents of the dossier (batch consistency). */
  dossier?: NameSeeds;
  /** Filled with this document's strong name parts, for the dossier. */
  learned?: NameSeeds;
}

/** Name parts found with certainty, with the tussenvoegsels seen before them ("vries" → "de"). */
export interface NameSeeds {
  keys: Set<string>;
  particles: Map<string, Set<string>>;
}

export const emptySeeds = (): NameSeeds => ({ keys: new Set(), particles: new Map() });

/** Only these seed the dossier: a name shape that needs no other document to be sure. */
const DOSSIER_RULES = new Set(['honorific', 'initials+surname', 'first+surname', 'surname+first', 'allcaps', 'header', 'signoff', 'greeting', 'speaker', 'attendance', 'e-mail']);
/** Rules that find a name by its shape alone; the context rules (headers, lists) only seed the
 * dossier with words a name lexicon knows. */
const SHAPE_RULES = new Set(['honorific', 'initials+surname', 'first+surname', 'surname+first', 'allcaps', 'e-mail']);

const PLACE_OVERRULABLE = new Set(['particle+surname', 'first-ambiguous', 'surname', 'first+verb']);
const PLACE_PREPOSITIONS = new Set(['in', 'naar', 'uit', 'te', 'bij', 'rond', 'rondom', 'nabij', 'via', 'richting']);
const DOSSIER_EXPLANATION = 'zelfde naam als in een ander document van het dossier';

/** What the e-mail addresses of the document say about a candidate. A given name no lexicon knows,
 * confirmed by an address: "Wagino" before "Schouten" when schouten.wagino6@… is in the text. And
 * a name whose every part is a piece of one address is that person's name, sure, whatever its parts
 * also mean as words: the display name beside its address in a mail header ("Wagino Kuipers
 * <wagino.kuipers@…>"), or the signature of the sender. */
function confirmByAddress(W: readonly Token[], L: Lexicon, c: Candidate, emailTokens: ReadonlySet<string>, emailNames: ConsistencyInput['emailNames'], blocked: ReadonlySet<string>): void {
  let j = c.s - 1;
  while (isWord(W[j]) && W[j]!.particle) j--;
  const prev = W[j];
  if (isWord(prev) && prev.title && !prev.particle && emailTokens.has(prev.key) && !L.isStopword(prev.key) && !L.isNameBlocker(prev.key)) {
    c.s = j;
    c.explanation += '; voornaam uit een e-mailadres in het document';
  }
  if (c.strength === 3) return;
  // the rest of the name may follow, in words no rule took for a name ("Shanti" + "Smid")
  let end = c.e;
  while (isWord(W[end + 1]) && (nameCase(W[end + 1]) || W[end + 1]!.particle) && !W[end + 1]!.lineStart) end++;
  for (; end >= c.e; end--) if (!W[end]!.particle && namesAddress(L, nameKeys(W, { ...c, e: end }), emailNames, blocked)) break;
  if (end >= c.e) {
    c.e = end;
    c.strength = 3;
    c.rule = 'e-mail';
    c.explanation += '; naam en e-mailadres van dezelfde persoon';
  }
}

/** Every part of the name is a piece of one address, and the name is a plausible one. */
function namesAddress(L: Lexicon, keys: readonly string[], emailNames: ConsistencyInput['emailNames'], blocked: ReadonlySet<string>): boolean {
  const plausible = keys.every((k) => !blocked.has(k) && !L.isStopword(k) && !L.isPlace(k)) && !keys.every((k) => L.isCommonWord(k));
  return keys.length >= 2 && plausible && emailNames.some((pieces) => keys.every((k) => pieces.includes(k)));
}

/** Capitalised words (with tussenvoegsels between them) that no rule took for a name, whose parts
 * are the pieces of one address: names nobody's list knows ("Shanti Smid <shanti.smid@…>"). */
function namesOfAddresses(W: readonly Token[], L: Lexicon, cands: readonly Candidate[], emailNames: ConsistencyInput['emailNames'], blocked: ReadonlySet<string>): Candidate[] {
  if (!emailNames.length) return [];
  const covered = new Uint8Array(W.length);
  for (const c of cands) for (let k = c.s; k <= c.e; k++) covered[k] = 1;
  const out: Candidate[] = [];
  for (let s = 0; s < W.length; s++) {
    if (covered[s] || !nameCase(W[s]) || W[s]!.particle) continue;
    let e = s;
    while (isWord(W[e + 1]) && !covered[e + 1] && (nameCase(W[e + 1]) || W[e + 1]!.particle) && !W[e + 1]!.lineStart) e++;
    while (e > s && W[e]!.particle) e--;
    const c: Candidate = { s, e, rule: 'e-mail', strength: 3, explanation: 'naam en e-mailadres van dezelfde persoon' };
    if (namesAddress(L, nameKeys(W, c), emailNames, blocked)) out.push(c);
    s = e;
  }
  return out;
}

/** Promote weak candidates and add propagated occurrences; returns the new candidates. */
export function propagate({ W, L, cands, blocked, emailNames, dossier, learned }: ConsistencyInput): Candidate[] {
  const emailTokens = new Set(emailNames.flat());
  const known = new Set<string>();
  /** Particles seen before a known surname ("de" for "vries"), to include them in later mentions. */
  const particlesOf = new Map<string, Set<string>>();
  for (const c of cands) if (!c.drop) confirmByAddress(W, L, c, emailTokens, emailNames, blocked);
  cands.push(...namesOfAddresses(W, L, cands, emailNames, blocked));
  for (const c of cands) {
    if (!learned || c.drop || c.strength < 2 || !DOSSIER_RULES.has(c.rule)) continue;
    for (const { t, particles } of nameParts(W, c)) {
      // an ordinary word seeds the dossier only from a sure name shape (strength 3)
      const lexical = L.isFirstName(t.key) || L.isSurname(t.key);
      if (
        !L.isStopword(t.key) && !blocked.has(t.key) && t.key.length > 2 && (!L.isPlace(t.key) || particles.length > 0) &&
        (SHAPE_RULES.has(c.rule) || lexical) && (c.strength === 3 || !L.isCommonWord(t.key))
      ) {
        learned.keys.add(t.key);
        if (particles.length) addParticles(learned.particles, t.key, particles);
      }
    }
  }
  for (const c of cands) {
    // initials in an action table ("KM", or an organisation's "GGD") are names there, never seeds
    if (c.drop || c.strength < 2 || c.rule === 'initials-label') continue;
    for (const { t, particles } of nameParts(W, c)) {
      if (L.isStopword(t.key) || blocked.has(t.key) || t.key.length <= 1) continue;
      known.add(t.key);
      if (particles.length) addParticles(particlesOf, t.key, particles);
    }
  }

  const fromDossier = new Set<string>();
  if (dossier) {
    for (const k of dossier.keys) {
      if (blocked.has(k) || known.has(k)) continue;
      fromDossier.add(k);
      known.add(k);
    }
    for (const [k, ps] of dossier.particles) {
      if (!fromDossier.has(k)) continue;
      const set = particlesOf.get(k) ?? new Set<string>();
      for (const p of ps) set.add(p);
      particlesOf.set(k, set);
    }
  }
  for (const c of cands) {
    if (c.strength >= 2) continue;
    // a weak "De Haan" dropped as a place is the surname of "Shanty de Haan" elsewhere in the document
    // (not after "in", "naar", "uit": there it is the place)
    const before = W[c.s - 1];
    const placeWord = isWord(before) && PLACE_PREPOSITIONS.has(before.key);
    const placeOverruled = c.drop === PLACE_DROP && !placeWord && PLACE_OVERRULABLE.has(c.rule) && nameKeys(W, c).every((k) => known.has(k));
    if (c.drop && !placeOverruled) continue;
    const keys = nameKeys(W, c);
    if (keys.some((k) => known.has(k))) {
      c.drop = undefined;
      c.strength = 2;
      c.rule = 'document';
      c.explanation = keys.every((k) => !known.has(k) || fromDossier.has(k)) ? DOSSIER_EXPLANATION : 'zelfde naam als elders in het document';
    } else if (c.strength === 0 && keys.some((k) => emailTokens.has(k) || emailTokens.has(keys.join('')))) {
      c.strength = 1;
      c.explanation += '; komt overeen met een e-mailadres in het document';
    }
  }

  const covered = new Uint8Array(W.length);
  for (const c of cands) for (let k = c.s; k <= c.e; k++) covered[k] = 1;
  const added: Candidate[] = [];
  for (let i = 0; i < W.length; i++) {
    const t = W[i]!;
    if (covered[i] || !nameCase(t) || t.particle || !known.has(t.key)) continue;
    // a known part that is also an ordinary word ("Wit", "Roos") at a sentence start is probably the word
    // — unless a finite verb or a speaker colon follows, or it fills a table cell ("Hoogland belde", "Eva:")
    if (t.sentStart && L.isCommonWord(t.key) && !(isWord(W[i - 1]) && W[i - 1]!.particle)) {
      const n = W[i + 1];
      // the verb may stand on the next line ("… meegenomen. Dekker\nbelde"); a role in brackets follows a name ("Ama (accountmanager)")
      const verb = (isWord(n) && FINITE_VERBS.has(n.key)) || (n?.kind === 'newline' && isWord(W[i + 2]) && FINITE_VERBS.has(W[i + 2]!.key));
      const subject = verb || n?.text === ':' || n?.text === '(' || !n || n.kind === 'tab' || (n.kind === 'newline' && W[i - 1]?.kind === 'tab');
      if (!subject) continue;
    }
    let s = i;
    const allowed = particlesOf.get(t.key);
    if (allowed) {
      // include a preceding particle group that this surname was seen with ("De Vries", "van der Meer")
      for (const p of allowed) {
        const parts = p.split(' ');
        const n = parts.length;
        let ok = i - n >= 0;
        for (let k = 0; ok && k < n; k++) {
          const b = W[i - n + k];
          ok = isWord(b) && b.key === parts[k] && !covered[i - n + k];
        }
        if (ok) {
          s = i - n;
          break;
        }
      }
    }
    let explanation = fromDossier.has(t.key) ? DOSSIER_EXPLANATION : 'zelfde naam als elders in het document';
    // an unknown word right before it, written the same way ("YULIANUS SEDOC"): a given name no list knows
    const before = W[s - 1];
    if (s === i && isWord(before) && !covered[s - 1] && ((before.caps && t.caps) || (before.title && t.title)) && unknownWord(L, before)) {
      s--;
      explanation += '; met de voornaam ervoor';
    }
    added.push({ s, e: i, rule: 'document', strength: 2, explanation });
  }
  return added;
}

/** The name words of a candidate, each with the tussenvoegsels right before it ("van der" for "meer"). */
function nameParts(W: readonly Token[], c: Candidate): Array<{ t: Token; particles: string[] }> {
  const out: Array<{ t: Token; particles: string[] }> = [];
  let particles: string[] = [];
  for (let k = c.s; k <= c.e; k++) {
    const t = W[k]!;
    if (!isWord(t) || t.honorific) continue;
    if (t.particle) particles.push(t.key);
    else {
      out.push({ t, particles });
      particles = [];
    }
  }
  return out;
}

function addParticles(map: Map<string, Set<string>>, key: string, particles: readonly string[]): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(particles.join(' '));
  map.set(key, set);
}
