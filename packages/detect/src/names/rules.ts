/**
 * Candidate rules over the tokens (research design §5.1 step 4). Each rule proposes a span with a
 * strength; filters and document consistency decide later. Lexicon rules:
 *   honorific ("mevr. Öztürk"), initials + surname ("R. in 't Veld"), first name + surname,
 *   ALL-CAPS signatures, a first name alone, capitalised particle + surname ("El Amrani"), a surname alone.
 * Names stay on one line, except where the name is visibly incomplete at the line end (after a
 * honorific, initials or a particle) or a first name ends a line of running text.
 */
import type { Lexicon } from '../lexicon/index.js';
import { FINITE_VERBS, ORG_AFTER, ORG_BEFORE, SURNAME_STARTERS } from '../lexicon/words.js';
import { type Candidate, type Rule, type Strength, isWord, nameCase } from './candidate.js';
import type { Token } from './tokenize.js';
import { foreignSpelling } from './shape-rules.js';

/** Particles that start bare foreign surnames ("El Ouardi", "Ben Ali") and rarely a Dutch sentence. */
const FOREIGN_STARTERS = new Set(['el', 'al', 'ben', 'bin', 'ibn', 'abou', 'abu', 'ait', 'aït', 'da', 'di', 'du', 'le', 'la', 'von', 'mc', 'mac', "d'"]);
/** Prepositions that start a Dutch surname only before a second particle ("Op 't Hof", "In den Bosch"). */
const PREPOSITION_STARTERS = new Set(['op', 'in', 'uit', 'onder', 'over', 'bij']);
/** Second particles that never follow a preposition in a sentence ("In de…", "Op het…" are ordinary). */
const SECOND_PARTICLES = new Set(["'t", '’t', 'den', 'der']);
const DOUBLE_NAME_TAIL = /-(van|de|der|den|ter|ten|te|el|al|in|op)$/;

export class Tokens {
  constructor(
    readonly W: readonly Token[],
    readonly L: Lexicon,
  ) {}

  /** Index of the next token of the same name, or -1 at a boundary. `cross` lets a name continue
   * over one line break (not a blank line, table cell or page). */
  adv(j: number, cross: boolean): number {
    let k = j + 1;
    const t = this.W[k];
    if (!t) return -1;
    if (t.kind === 'newline') {
      if (!cross) return -1;
      k++;
      const u = this.W[k];
      return u && u.kind !== 'newline' && u.kind !== 'page' ? k : -1;
    }
    return t.lineStart ? -1 : k;
  }

  isFirst(t: Token | undefined): boolean {
    return isWord(t) && t.title && !t.particle && !this.L.isStopword(t.key) && this.L.isFirstName(t.key);
  }

  /** An ordinary word or place: as a name it needs support. */
  ambiguous(t: Token): boolean {
    return this.L.isCommonWord(t.key) || this.L.isPlace(t.key);
  }

  /** A word that can be the surname after a first name or initials. */
  surnameLike(t: Token | undefined, afterParticle: boolean): boolean {
    if (!nameCase(t) || t!.particle) return false;
    // after a tussenvoegsel a capitalised function word is a surname too ("van der Meer", "de Groot")
    if (afterParticle) return !this.L.isNameBlocker(t!.key);
    if (this.L.isStopword(t!.key)) return false;
    return this.L.isSurname(t!.key) || !this.L.isCommonWord(t!.key);
  }

  /** A capitalised word that no lexicon knows as an ordinary word: a name of some kind (system mode
   * only: the builtin lists cannot tell an unknown name from an ordinary word). */
  unknownProper(t: Token | undefined): boolean {
    return isWord(t) && t.title && !t.particle && this.L.mode === 'system' && !this.L.isStopword(t.key) && !this.ambiguous(t) && t.key.length > 2;
  }

  /** Skip particles ("van der", "in 't"); they may wrap to the next line. */
  particlesFrom(j: number): number {
    let k = j;
    while (k >= 0 && isWord(this.W[k]) && this.W[k]!.particle) k = this.adv(k, true);
    return k;
  }

  /** Double surname "Groot-van Dijk": a token ending in "-van" continues with particles + surname. */
  hyphenTail(j: number): number {
    let e = j;
    while (DOUBLE_NAME_TAIL.test(this.W[e]!.key)) {
      const k = this.particlesFrom(this.adv(e, true));
      if (k < 0 || !nameCase(this.W[k])) break;
      e = k;
    }
    return e;
  }

  /** Is token j on a line of running text (three or more words before it on its line)? */
  runningLine(j: number): boolean {
    let words = 0;
    for (let k = j - 1; k >= 0 && this.W[k]!.kind !== 'newline' && this.W[k]!.kind !== 'page'; k--) {
      if (this.W[k]!.kind === 'word') words++;
      if (words >= 3) return true;
    }
    return false;
  }
}

export function lexiconCandidates(T: Tokens): Candidate[] {
  const { W, L } = T;
  const out: Candidate[] = [];
  const add = (s: number, e: number, rule: Rule, strength: Strength, explanation: string) => out.push({ s, e, rule, strength, explanation });

  for (let i = 0; i < W.length; i++) {
    const t = W[i]!;
    if (t.kind !== 'word' && t.kind !== 'initials') continue;

    // list order "Surname, Firstname [tussenvoegsels]" filling a table cell or header item
    const inverted = invertedName(T, i);
    if (inverted) {
      add(i, inverted.e, 'surname+first', inverted.strength, 'achternaam, voornaam');
      i = inverted.e;
      continue;
    }

    // honorific: dhr. / mevr. / mr. drs. [initials | first names] particles* Surname
    if (t.honorific) {
      let j = T.adv(i, true);
      while (j >= 0 && W[j]!.honorific) j = T.adv(j, true);
      const nameStart = j;
      let lastGiven = -1;
      while (j >= 0 && (W[j]!.kind === 'initials' || T.isFirst(W[j]))) {
        lastGiven = j;
        j = T.adv(j, true);
      }
      const k = T.particlesFrom(j);
      if (k >= 0 && nameCase(W[k]) && !W[k]!.particle && !(k === j ? L.isStopword(W[k]!.key) : L.isNameBlocker(W[k]!.key))) {
        const e = T.hyphenTail(k);
        add(nameStart, e, 'honorific', 3, `na '${t.text}'`);
        i = e;
        continue;
      }
      if (lastGiven >= 0 && W[lastGiven]!.title) {
        add(nameStart, lastGiven, 'honorific', 3, `na '${t.text}'`);
        i = lastGiven;
        continue;
      }
    }

    // initials: J.P. (van der) Meer — not "P&O." glued to a word
    if (t.kind === 'initials') {
      const prev = W[i - 1];
      const glued = prev !== undefined && prev.end === t.start && (prev.kind === 'word' || prev.kind === 'number' || prev.text === '&');
      if (!glued) {
        let j = T.adv(i, true);
        while (j >= 0 && W[j]!.kind === 'initials') j = T.adv(j, true);
        const k = T.particlesFrom(j);
        const hasParticle = k !== j;
        if (k >= 0 && T.surnameLike(W[k], hasParticle)) {
          const e = T.hyphenTail(k);
          const strength = L.mode === 'builtin' && !L.isSurname(W[k]!.key) && !hasParticle ? 2 : 3;
          add(i, e, 'initials+surname', strength, 'voorletters + achternaam');
          i = e;
        }
      }
      continue;
    }

    // ALL-CAPS signature: JAN DE VRIES
    if (t.caps && L.isFirstName(t.key) && !L.isStopword(t.key)) {
      let k = T.adv(i, false);
      while (k >= 0 && W[k]!.caps && W[k]!.particle) k = T.adv(k, false);
      const s = W[k];
      if (k >= 0 && s?.caps && !s.particle && !L.isStopword(s.key) && (L.isSurname(s.key) || !L.isCommonWord(s.key))) {
        const e = T.hyphenTail(k);
        add(i, e, 'allcaps', 2, 'naam in hoofdletters');
        i = e;
        continue;
      }
    }

    // first name (+ middle names) + particles* + surname; else the first name alone
    if (T.isFirst(t)) {
      const cross = T.runningLine(i);
      let j = i;
      for (;;) {
        const n = T.adv(j, cross);
        if (n < 0 || !T.isFirst(W[n])) break;
        const after = T.adv(n, cross);
        if (after < 0 || !(nameCase(W[after]) || W[after]!.particle)) break;
        j = n;
      }
      let afterGiven = T.adv(j, cross);
      let k = T.particlesFrom(afterGiven);
      if (j > i && !(k >= 0 && T.surnameLike(W[k], k !== afterGiven))) {
        // "Anne Frank Huis": the second given name was the surname after all
        afterGiven = T.adv(i, cross);
        k = afterGiven;
      }
      const hasParticle = k !== afterGiven;
      const sur = k >= 0 ? W[k] : undefined;
      if (k >= 0 && T.surnameLike(sur, hasParticle) && !(hasParticle && W[afterGiven]!.lineStart && !W[k]!.title)) {
        const firstAmb = T.ambiguous(t);
        const known = L.isSurname(sur!.key);
        const common = L.isCommonWord(sur!.key);
        let strength: Strength;
        if (hasParticle) strength = 3;
        else if (!firstAmb) strength = known || L.mode === 'system' ? 3 : 2;
        else strength = known && !common ? 3 : 2;
        const e = T.hyphenTail(k);
        add(i, e, 'first+surname', strength, 'voornaam + achternaam');
        i = e;
        continue;
      }
      const prev = W[i - 1];
      const next = W[i + 1];
      if (!T.ambiguous(t)) add(i, i, 'first', 2, 'voornaam');
      else if (isWord(next) && FINITE_VERBS.has(next.key)) add(i, i, 'first+verb', 1, 'voornaam als onderwerp van de zin');
      else if (!t.sentStart && !nameCase(prev) && !(nameCase(next) || next?.kind === 'number' || next?.text === '/'))
        add(i, i, 'first-ambiguous', 1, 'voornaam (ook een gewoon woord)');
      else if (!t.sentStart || nameCase(next)) add(i, i, 'first-ambiguous', 0, 'mogelijk een voornaam (ook een gewoon woord)');
      continue;
    }

    // capitalised particle + surname anywhere: "De Vries", "El Amrani", "Van der Meer"; a preposition
    // only before a second particle ("Op 't Hof", "In den Bosch", "Op den Akker")
    if (t.particle && t.title && (SURNAME_STARTERS.has(t.key) || (PREPOSITION_STARTERS.has(t.key) && isWord(W[i + 1]) && SECOND_PARTICLES.has(W[i + 1]!.text)))) {
      const k = T.particlesFrom(T.adv(i, false));
      const s = k >= 0 ? W[k] : undefined;
      // "De Johan Cruijff ArenA": an article before a first name + surname is not a surname particle
      const articleBeforeName = T.isFirst(s) && nameCase(W[T.adv(k, false)]);
      if (s && nameCase(s) && !s.particle && !L.isStopword(s.key) && !articleBeforeName) {
        // a double surname counts by its parts: "Hof-Agyeman" is known when one part is, common when all are
        const parts = s.key.split('-').filter(Boolean);
        const known = L.isSurname(s.key) || (parts.length > 1 && parts.some((p) => L.isSurname(p)));
        const common = L.isCommonWord(s.key) || (parts.length > 1 && parts.every((p) => L.isCommonWord(p)));
        let strength: Strength | undefined;
        const verbAfter = isWord(W[k + 1]) && FINITE_VERBS.has(W[k + 1]!.key);
        // a capitalised tussenvoegsel inside a sentence ("volgens De Haan") or before a verb is a surname's
        if (known) strength = !common ? 2 : !t.sentStart || verbAfter ? 1 : 0;
        else if (!common && FOREIGN_STARTERS.has(t.key)) strength = 1;
        if (strength !== undefined) {
          const e = T.hyphenTail(k);
          add(i, e, 'particle+surname', strength, 'tussenvoegsel + achternaam');
          i = e;
          continue;
        }
      }
    }

    // a given name no lexicon knows + tussenvoegsels + surname ("Wagino van den Berg"), or + a known
    // surname that is no ordinary word ("Yasmira Postma")
    if (T.unknownProper(t) && !L.isSurname(t.key)) {
      const n = T.adv(i, false);
      const k = n >= 0 ? T.particlesFrom(n) : -1;
      const sur = k >= 0 ? W[k] : undefined;
      if (sur && k !== n && sur.title && !L.isNameBlocker(sur.key) && !L.isStopword(sur.key)) {
        const e = T.hyphenTail(k);
        add(i, e, 'first+surname', 2, 'onbekende voornaam + tussenvoegsel + achternaam');
        i = e;
        continue;
      }
      // a surname that is also a first name ("Wagino Asante") only when the pair fills its item
      const fills = (e: number) => { const a = W[e + 1]; return !a || a.kind === 'newline' || a.kind === 'tab' || a.kind === 'page' || a.text === ',' || a.text === '(' || a.text === ';'; };
      if (sur && k === n && sur.title && !sur.particle && L.isSurname(sur.key) && !L.isCommonWord(sur.key) && (!L.isFirstName(sur.key) || fills(T.hyphenTail(k))) && !L.isPlace(sur.key)) {
        const e = T.hyphenTail(k);
        add(i, e, 'first+surname', 2, 'onbekende voornaam + achternaam');
        i = e;
        continue;
      }
    }

    // surname alone
    if (t.title && !t.particle && !L.isStopword(t.key) && L.isSurname(t.key) && !L.isPlace(t.key)) {
      if (L.isCommonWord(t.key)) {
        // a capitalised ordinary word at a sentence start is just the word, unless a verb follows ("Bakker zei")
        const next = W[i + 1];
        if (!t.sentStart || (isWord(next) && FINITE_VERBS.has(next.key))) add(i, i, 'surname', 0, 'mogelijk een achternaam (ook een gewoon woord)');
      }
      else add(i, i, 'surname', 1, 'achternaam');
    }
  }
  return out;
}

/** Does the organisation word at j start an organisation's name ("Stichting Thorbecke") rather than
 * end one ("Tellegen Fonds")? It does when it can stand first and a capitalised word follows on its line. */
export function orgStarts(W: readonly Token[], j: number): boolean {
  const n = W[j + 1];
  return ORG_BEFORE.has(W[j]!.key) && isWord(n) && !n.lineStart && n.start - W[j]!.end === 1 && (n.title || n.caps);
}

const CELL_END = (t: Token | undefined): boolean => !t || t.kind === 'newline' || t.kind === 'tab' || t.kind === 'page' || t.lineStart || t.text === ';';

/** "Bouzid, Fleur", "Haan-Mulder, Małgorzata de", "Berg, Sanne van den", "El Khatib, Anaïs": a
 * surname, a comma, given names or initials and the trailing tussenvoegsels, filling a whole cell
 * (or header item). Strength 3 when a given name is an unambiguous first name, 2 when it is a
 * first name or at least no ordinary word; undefined when the shape does not fit. */
export function invertedName(T: Tokens, i: number): { e: number; strength: Strength } | undefined {
  const { W, L } = T;
  const t = W[i]!;
  const prev = W[i - 1];
  // at the start of a cell or header item, or after a table's row number ("18 Chaouch-Kingma, Sri")
  const rowNumber = prev?.kind === 'number' && prev.lineStart && prev.text.length <= 3 && /^\d+$/.test(prev.text) && t.start - prev.end === 1;
  if (!(t.lineStart || prev?.text === ':' || prev?.text === ';' || rowNumber)) return undefined;
  if (!isWord(t) || !t.title) return undefined;
  let k = t.particle ? (SURNAME_STARTERS.has(t.key) ? T.particlesFrom(i) : -1) : i;
  if (k < 0 || !isWord(W[k]) || !W[k]!.title || W[k]!.particle || L.isStopword(W[k]!.key)) return undefined;
  const place = L.isPlace(W[k]!.key);
  k = T.hyphenTail(k);
  if (W[k + 1]?.text !== ',') return undefined;
  let j = k + 2;
  if (W[j]?.kind === 'tab' || W[j]?.kind === 'newline' || W[j]?.start !== W[k + 1]!.end + 1) return undefined;
  let strength: Strength | undefined;
  let given = 0;
  // the next column's text may follow in the same cell when the PDF's columns run together:
  // "Tuhumury-Soemodihardjo, Noémie Stichting Thorbecke", "Soemodihardjo, Chayenne Tellegen Fonds"
  let merged = false;
  const evidence: Array<Strength | undefined> = [];
  while (W[j] && !W[j]!.lineStart && (W[j]!.kind === 'initials' || (isWord(W[j]) && W[j]!.title && !W[j]!.particle))) {
    const g = W[j]!;
    if (given && isWord(g) && L.isNameBlocker(g.key) && (ORG_BEFORE.has(g.key) || ORG_AFTER.has(g.key))) {
      // "… Stichting X" starts the organisation; "… X Fonds" ends one that started a word earlier
      const starts = orgStarts(W, j);
      if (!starts && given >= 2) {
        j--;
        given--;
        evidence.pop();
        strength = evidence.reduce<Strength | undefined>((a, b) => (b === undefined ? a : (Math.max(a ?? 0, b) as Strength)), undefined);
      } else if (!starts) return undefined;
      merged = true;
      break;
    }
    // a place after the given name is the next column ("Wattimena-Bosman, Dorota Leeuwarden – adviseur")
    if (given && isWord(g) && L.isPlace(g.key) && !T.isFirst(g)) {
      merged = true;
      break;
    }
    let own: Strength | undefined;
    if (g.kind === 'initials') own = 2;
    else if (L.isStopword(g.key)) return undefined;
    else if (T.isFirst(g)) own = T.ambiguous(g) ? 2 : 3;
    // a given name no list knows, spelled the way only names from abroad are ("Berg, Wiesław van")
    else if (foreignSpelling(g) && !T.ambiguous(g)) own = 3;
    else if (!T.ambiguous(g) && L.mode === 'system') own = 2;
    if (own !== undefined) strength = Math.max(strength ?? 0, own) as Strength;
    evidence.push(own);
    given++;
    j++;
  }
  // "Rotterdam, Utrecht": a place before the comma needs an unambiguous first name after it
  if (!given || strength === undefined || (place && strength < 3)) return undefined;
  let e = j - 1;
  while (!merged && W[j] && !W[j]!.lineStart && isWord(W[j]) && W[j]!.particle && !W[j]!.title) e = j++;
  if (!merged && !CELL_END(W[e + 1])) return undefined;
  return { e, strength };
}
