/**
 * Context rules: places in a document where a capitalised phrase is a person's name because of
 * where it stands, even when no lexicon knows it — greetings ("Beste Fleur,"), sign-offs ("Met
 * vriendelijke groet,\n\nTjeerd Zwartkruis"), e-mail and memo headers (Van/Aan/CC), attendance
 * labels ("Aanwezig: Karim, Lisa"), speaker labels in minutes ("Jan: ...") and lists with one
 * name per line, where most lines are already recognised names.
 */
import { ATTENDANCE_LABELS, GREETINGS, HEADER_LABELS, SIGN_OFFS } from '../lexicon/words.js';
import { type Candidate, type Rule, isWord, nameCase } from './candidate.js';
import type { Tokens } from './rules.js';

const SIGN_OFF_SET = new Set(SIGN_OFFS);
/** Thanks addressed to a person: "bedankt Fleur", "dank je Fleur", "thanks Sanne". */
const THANKS = new Set(['bedankt', 'dankjewel', 'dankuwel', 'thanks', 'thx', 'merci']);
const THANKED = new Set(['je', 'jij', 'u', 'jullie', 'wel']);
/** What may follow the name after thanks: the end of the sentence, line or text. */
const CLOSERS = new Set(['!', '.', ',', '?', '\n', '']);
const ITEM_SEPARATORS = new Set([',', ';', '/', '(', ')', '&', '|', '+']);
const LIST_BULLETS = new Set(['-', '•', '*', '–', '·', '>']);

/** End index of a name-shaped phrase starting at i on one line: capitalised words, initials and
 * particles between them, at most five tokens; -1 when i does not start one. */
export function nameShape(T: Tokens, i: number): number {
  const { W, L } = T;
  const first = W[i];
  if (!first || (first.kind !== 'initials' && !(nameCase(first) && !L.isStopword(first.key)))) return -1;
  if (first.particle && !first.title) return -1;
  let last = i;
  let count = 1;
  let j = i;
  for (;;) {
    const n = T.adv(j, false);
    if (n < 0 || count >= 5) break;
    const t = W[n]!;
    if (t.kind === 'initials' || (nameCase(t) && !t.particle && !L.isStopword(t.key))) {
      last = n;
    } else if (!(isWord(t) && t.particle)) break;
    j = n;
    count++;
  }
  return last;
}

/** Tokens after e on the same line are only separators: the shape fills its item. */
function endsItem(T: Tokens, e: number): boolean {
  const n = T.W[e + 1];
  return !n || n.kind === 'newline' || n.kind === 'tab' || n.kind === 'page' || n.lineStart || ITEM_SEPARATORS.has(n.text) || n.text === '.' || n.text === ':' || n.text === '!' || (isWord(n) && n.key === 'en');
}

/** Does the shape carry evidence of a name beyond its position: initials, a lexicon name, a word
 * that is not ordinary Dutch (system mode only: the builtin lists cannot tell), or two name words? */
function nameEvidence(T: Tokens, s: number, e: number): boolean {
  // "Wijkbureau Overvecht", "Stadsdeel Nieuw-West": an office of a district, not a person
  const firstWord = T.W[s]!;
  if (e > s && isWord(T.W[e]) && T.L.isPlace(T.W[e]!.key) && !(isWord(firstWord) && T.L.isFirstName(firstWord.key)) && firstWord.kind !== 'initials') return false;
  let words = 0;
  let common = 0;
  for (let k = s; k <= e; k++) {
    const t = T.W[k]!;
    if (t.kind === 'initials') return true;
    if (!isWord(t) || t.particle) continue;
    words++;
    if (T.L.isFirstName(t.key) || T.L.isSurname(t.key)) return true;
    if (T.L.isCommonWord(t.key)) common++;
    else if (T.L.mode === 'system') return true;
  }
  // two capitalised words make a name shape, unless both are ordinary words (a table's column
  // headings "Naam Functie Cluster")
  return words >= 2 && common < words;
}

/** A label's value is a list ("Agnieszka Brouwer, Bureau X, 06-…") and not a sentence: at most two
 * lowercase words besides particles and "en". */
function listLike(T: Tokens, a: number, b: number): boolean {
  let lower = 0;
  for (let k = a; k <= b; k++) {
    const t = T.W[k]!;
    if (isWord(t) && !t.title && !t.caps && !t.particle && t.key !== 'en') lower++;
  }
  return lower <= 2;
}

/** Last token of the line holding token i (table cells, after a tab, stay on the line). */
function lineEnd(T: Tokens, i: number): number {
  let k = i;
  for (;;) {
    const n = T.W[k + 1];
    if (!n || n.kind === 'newline' || n.kind === 'page' || (n.lineStart && T.W[k]!.kind !== 'tab')) return k;
    k++;
  }
}

/** Index of the first token of the next non-blank line after token i (within `maxBlank` blank lines). */
function nextLineStart(T: Tokens, i: number, maxBlank: number): number {
  let k = i + 1;
  let newlines = 0;
  while (T.W[k] && (T.W[k]!.kind === 'newline' || T.W[k]!.kind === 'tab')) {
    if (T.W[k]!.kind === 'newline' && ++newlines > maxBlank + 1) return -1;
    k++;
  }
  return T.W[k] ? k : -1;
}

export function contextCandidates(T: Tokens, known: readonly Candidate[]): Candidate[] {
  const { W } = T;
  const out: Candidate[] = [];
  const add = (s: number, e: number, rule: Rule, explanation: string) => out.push({ s, e, rule, strength: 2, explanation });

  /** Items of a value list ("Karim, Lisa, Ruben (notulist)") from token a to b. */
  const items = (a: number, b: number, rule: Rule, explanation: string) => {
    let itemStart = true;
    for (let k = a; k <= b; k++) {
      const t = W[k]!;
      if (ITEM_SEPARATORS.has(t.text) || LIST_BULLETS.has(t.text) || (isWord(t) && t.key === 'en') || t.kind === 'tab') {
        itemStart = true;
        continue;
      }
      if (itemStart && !t.honorific) {
        const e = nameShape(T, k);
        if (e >= 0 && endsItem(T, e) && nameEvidence(T, k, e)) {
          add(k, e, rule, explanation);
          k = e;
        }
      }
      itemStart = false;
    }
  };

  for (let i = 0; i < W.length; i++) {
    const t = W[i]!;
    if (!isWord(t)) continue;

    // greeting: "Beste Fleur,"; thanks inside a sentence: "Top, dank je Fleur!", "bedankt Sanne."
    const thanks = THANKS.has(t.key) ? i : t.key === 'dank' && isWord(W[i + 1]) && THANKED.has(W[i + 1]!.key) ? i + 1 : -1;
    if ((GREETINGS.has(t.key) && (t.sentStart || W[i - 1]?.text === ',')) || thanks >= 0) {
      const n = T.adv(thanks >= 0 ? thanks : i, false);
      const e = n >= 0 ? nameShape(T, n) : -1;
      // after thanks the name closes the sentence ("dank je Fleur!"), not "dank je Hilversum voor …"
      const closes = thanks < 0 || (e >= 0 && CLOSERS.has(W[e + 1]?.text ?? '') && !(T.L.isPlace(W[e]!.key) && !T.L.isFirstName(W[e]!.key)));
      if (e >= 0 && closes && endsItem(T, e) && (e > n || T.L.isFirstName(W[n]!.key) || !T.L.isCommonWord(W[n]!.key))) {
        add(n, e, 'greeting', thanks >= 0 ? `na bedankje '${W.slice(i, thanks + 1).map((w) => w.text).join(' ')}'` : `na aanhef '${t.text}'`);
        i = e;
        continue;
      }
      if (GREETINGS.has(t.key) && t.sentStart) continue;
    }
    if (!t.lineStart) continue;

    const end = lineEnd(T, i);
    // sign-off line: the name follows on one of the next lines, or after a comma on the same line
    const phrase = W.slice(i, end + 1).filter(isWord).map((w) => w.key).join(' ');
    if (SIGN_OFF_SET.has(phrase)) {
      const k = nextLineStart(T, end, 2);
      if (k >= 0) {
        const s = W[k]!.honorific ? T.adv(k, false) : k;
        const e = s >= 0 ? nameShape(T, s) : -1;
        if (e >= 0 && endsItem(T, e)) add(s, e, 'signoff', 'naam onder de afsluitende groet');
      }
      i = end;
      continue;
    }

    // header or attendance label: "Van:", "<b>Aan</b>\t", "Aanwezig:"
    const sep = W[i + 1];
    if (sep && (sep.text === ':' || sep.kind === 'tab') && (HEADER_LABELS.has(t.key) || ATTENDANCE_LABELS.has(t.key))) {
      const rule: Rule = HEADER_LABELS.has(t.key) ? 'header' : 'attendance';
      const explanation = rule === 'header' ? `in kopregel '${t.text}:'` : `in lijst na '${t.text}:'`;
      let valueStart = i + 2;
      while (W[valueStart] && (W[valueStart]!.kind === 'tab' || W[valueStart]!.text === ':')) valueStart++;
      if (valueStart <= end) {
        if (listLike(T, valueStart, end)) items(valueStart, end, rule, explanation);
      }
      else if (rule === 'attendance') {
        // the list follows on the next lines, until a blank line
        let k = nextLineStart(T, end, 0);
        while (k >= 0) {
          const le = lineEnd(T, k);
          if (listLike(T, k, le)) items(k, le, rule, explanation);
          // a blank line ends the list
          if (W[le + 1]?.kind !== 'newline' || !W[le + 2] || W[le + 2]!.kind === 'newline') break;
          k = le + 2;
        }
      }
      i = end;
      continue;
    }

    // speaker label in minutes: "Jan:" or "Fatima el Idrissi:" followed by what was said
    const e = nameShape(T, i);
    if (e >= 0 && e - i < 4 && W[e + 1]?.text === ':' && W[e + 2] && W[e + 2]!.kind !== 'newline' && W[e + 2]!.kind !== 'tab') {
      let evidence = false;
      for (let k = i; k <= e; k++) {
        const w = W[k]!;
        if (isWord(w) && !w.particle && (T.L.isFirstName(w.key) || T.L.isSurname(w.key)) && !T.ambiguous(w)) evidence = true;
      }
      if (evidence) add(i, e, 'speaker', 'naam van een spreker');
    }
  }
  out.push(...listCandidates(T, [...known, ...out]));
  out.push(...ownerColumn(T));
  return out;
}

/** Column headings of action tables whose cells name the person who acts. */
const OWNER_HEADINGS = new Set(['wie', 'actiehouder', 'actiehouders', 'verantwoordelijke', 'eigenaar', 'trekker', 'uitvoerder', 'owner', 'door']);
/** Stopwords that cannot own an action, so in the 'wie' column they are someone's initials: weekday
 * and month abbreviations, legal forms ("ZA", "MA", "NV"). Team and role abbreviations (MT, GS, WH) can. */
const NO_OWNER = new Set(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo', 'nv', 'bv', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']);
/** Initials written as a label: "KM", "SvdB", "JtB", "MŞ" (two to four capitals, small particle letters between). */
const INITIALS_LABEL = /^\p{Lu}(?:\p{Ll}{0,3}\p{Lu}){1,3}$/u;

/** Cells (token ranges) of the line starting at token i, split at tabs. */
function cells(T: Tokens, i: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const end = lineEnd(T, i);
  let s = i;
  for (let k = i; k <= end + 1; k++) {
    const t = T.W[k];
    if (k > end || t!.kind === 'tab') {
      if (k > s) out.push([s, k - 1]);
      s = k + 1;
    }
  }
  return out;
}

/** Column headings of tables that list people by name ("Voornaam | Achternaam | Telefoon"). Role
 * words ("Bewoner", "Melder") are left out: they are as often the values of a column. */
const NAME_HEADINGS = new Set(['naam', 'namen', 'voornaam', 'voornamen', 'achternaam', 'achternamen', 'roepnaam', 'geslachtsnaam', 'contactpersoon']);

/** Whole cell of capitalised words and particles ("ter Beek", "Hoogland"): under a name heading
 * that is a name, even where the word also means something else. */
function nameCell(T: Tokens, [a, b]: [number, number]): boolean {
  let capital = false;
  for (let m = a; m <= b; m++) {
    const t = T.W[m]!;
    if (t.kind !== 'word') {
      if (t.text !== '-' && t.text !== "'") return false;
      continue;
    }
    if (t.particle) continue;
    // role, organisation and admin words ("Gemeente", "Wethouder") make the cell something else
    if ((!t.title && !t.caps) || T.L.isStopword(t.key)) return false;
    capital = true;
  }
  return capital;
}

/** Tables whose columns hold people: the cell under "Wie" in action tables of minutes ("Nr. Actie
 * Wie Gereed") holds the person who acts, written as initials ("SvdB"), a first name or a full
 * name; the cells under "Voornaam", "Achternaam", "Contactpersoon" and the like hold names. */
function ownerColumn(T: Tokens): Candidate[] {
  const { W } = T;
  const out: Candidate[] = [];
  for (let i = 0; i < W.length; i++) {
    if (!W[i]!.lineStart || W[i]!.kind === 'newline' || (i > 0 && W[i - 1]!.kind === 'tab')) continue;
    const head = cells(T, i);
    const heading = ([a, b]: [number, number], set: ReadonlySet<string>) => a === b && isWord(W[a]) && set.has(W[a]!.key);
    const col = head.findIndex((c) => heading(c, OWNER_HEADINGS));
    // a heading row holds labels only: no numbers or addresses, which are the values of a row
    const labels = head.every(([a, b]) => W.slice(a, b + 1).every((t) => t.kind !== 'number' && !t.text.includes('@')));
    const nameCols = labels ? head.map((c, k) => (heading(c, NAME_HEADINGS) ? k : -1)).filter((k) => k >= 0) : [];
    if ((col < 0 && !nameCols.length) || head.length < 2) {
      i = lineEnd(T, i);
      continue;
    }
    // the rows below, until a line with fewer cells
    let k = nextLineStart(T, lineEnd(T, i), 0);
    let furniture = 0;
    while (k >= 0) {
      if (W[k]!.kind === 'page') {
        // the table goes on after a page break: skip the page's running header or footer lines
        furniture = 3;
        k = nextLineStart(T, k, 1);
        continue;
      }
      const row = cells(T, k);
      if (row.length < head.length - 1 || row.length < 2) {
        // a page's running footer before the break, or its header after it
        const le = lineEnd(T, k);
        const footer = W[le + 1]?.kind === 'page' || (W[le + 1]?.kind === 'newline' && W[le + 2]?.kind === 'page');
        if (furniture-- > 0 || footer) {
          k = nextLineStart(T, le, 1);
          continue;
        }
        break;
      }
      furniture = 0;
      for (const k2 of nameCols) {
        const named = row[k2];
        if (named && row.length === head.length && nameCell(T, named)) out.push({ s: named[0], e: named[1], rule: 'name-column', strength: 2, explanation: `naam in de kolom '${W[head[k2]![0]]!.text}' van een tabel` });
      }
      if (col < 0) {
        k = nextLineStart(T, lineEnd(T, k), 0);
        continue;
      }
      const cell = row[Math.min(col, row.length - 1)]!;
      let itemStart = true;
      for (let m = cell[0]; m <= cell[1]; m++) {
        const t = W[m]!;
        if (ITEM_SEPARATORS.has(t.text) || (isWord(t) && t.key === 'en')) {
          itemStart = true;
          continue;
        }
        if (!itemStart) continue;
        itemStart = false;
        if (isWord(t) && INITIALS_LABEL.test(t.text) && ((!T.L.isNameBlocker(t.key) && !T.L.isStopword(t.key)) || NO_OWNER.has(t.key))) {
          out.push({ s: m, e: m, rule: 'initials-label', strength: 2, explanation: "initialen in de kolom 'wie' van een actielijst" });
          continue;
        }
        const e = nameShape(T, m);
        if (e >= 0 && e <= cell[1] && endsItem(T, e)) {
          out.push({ s: m, e, rule: 'action-owner', strength: 2, explanation: "naam in de kolom 'wie' van een actielijst" });
          m = e;
        }
      }
      k = nextLineStart(T, lineEnd(T, k), 0);
    }
    i = lineEnd(T, i);
  }
  return out;
}

/** Lines holding only a name (after an optional bullet), in a run where most lines are already
 * recognised as names: the rest of the run are names too (attendance lists, participant tables). */
function listCandidates(T: Tokens, known: readonly Candidate[]): Candidate[] {
  const { W } = T;
  const strong = new Map<number, Candidate>();
  for (const c of known) if (c.strength >= 2) strong.set(c.s, c);
  const lines: Array<{ s: number; e: number; named: boolean }> = [];
  const out: Candidate[] = [];
  const flush = () => {
    const named = lines.filter((l) => l.named).length;
    if (lines.length >= 3 && (named * 2 >= lines.length || (named >= 1 && lines.length >= 4))) {
      for (const l of lines) if (!l.named && nameEvidence(T, l.s, l.e)) out.push({ s: l.s, e: l.e, rule: 'list', strength: 2, explanation: 'in een lijst met namen (één naam per regel)' });
    }
    lines.length = 0;
  };
  for (let i = 0; i < W.length; i++) {
    const t = W[i]!;
    if (!t.lineStart || t.kind === 'newline') continue;
    let s = i;
    while (W[s] && LIST_BULLETS.has(W[s]!.text)) s++;
    const e = nameShape(T, s);
    const ok = e > s && endsItem(T, e) && (W[e + 1] === undefined || W[e + 1]!.kind !== 'punct' || W[e + 1]!.text === ',');
    if (!ok) {
      if (t.kind !== 'tab') flush();
      continue;
    }
    const c = strong.get(s);
    lines.push({ s, e, named: c !== undefined && c.e >= e - 1 });
    i = lineEnd(T, i);
  }
  flush();
  return out;
}
