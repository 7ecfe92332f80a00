import { CATEGORY_LABELS, type Redaction } from '@woo/core';

/** Something that must not be readable in the output, derived from one redaction. */
export interface Probe {
  kind: 'text' | 'digits';
  /** Normalised text, or the bare digits. */
  value: string;
  /** Dutch description for a problem report; never contains the redacted text itself, since
   * problem texts end up in logs and error messages. */
  what: string;
}

const MIN_LOCAL_PART = 3;
const MIN_DIGITS = 7;

export function normalise(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The full text, the local part of every e-mail address in it and every run of >= 7 digits
 * (phone numbers, BSNs, account numbers however they are spaced). */
export function probesOf(r: Redaction): Probe[] {
  const who = `${CATEGORY_LABELS[r.category]}, lakking ${r.id} op pagina ${r.page}`;
  const out: Probe[] = [];
  const full = normalise(r.text);
  if (full) out.push({ kind: 'text', value: full, what: `gelakte tekst (${who})` });
  for (const m of full.matchAll(/([\p{L}\p{N}._%+-]+)@/gu)) {
    if (m[1]!.length >= MIN_LOCAL_PART && m[1] !== full) out.push({ kind: 'text', value: m[1]!, what: `het deel vóór de @ van een gelakt e-mailadres (${who})` });
  }
  for (const run of digitRuns(full)) {
    if (run.length >= MIN_DIGITS) out.push({ kind: 'digits', value: run, what: `de cijfers van een gelakt nummer (${who})` });
  }
  return out;
}

/** Digit sequences, reading through the separators people put in numbers (06-123 456 78). */
function digitRuns(text: string): string[] {
  return [...text.matchAll(/\d(?:[\d\s().\/+-]*\d)?/g)].map((m) => m[0].replace(/\D/g, ''));
}

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** Counts probes in one normalised text. Built once per text and asked once per probe (a
 * verifier asks hundreds of probes of a document's whole text layer and its decompressed
 * streams): the digit runs and the places where each word starts are found once.
 * Text probes must stand on their own (not inside a longer word: "jan" is not found in "januari");
 * digit probes may be part of a longer number. */
export function probeCounter(text: string): (probe: Probe) => number {
  let runs: string[] | undefined;
  let starts: Map<string, number[]> | undefined;
  return (probe) => {
    if (probe.kind === 'digits') return (runs ??= digitRuns(text)).filter((run) => run.includes(probe.value)).length;
    const first = LETTER_OR_DIGIT.test(probe.value) ? probe.value.match(WORD)![0] : undefined;
    if (!first) return standalone(text, probe.value, scanFrom(text, probe.value));
    return standalone(text, probe.value, (starts ??= wordStarts(text)).get(first) ?? []);
  };
}

/** Where each word (maximal run of letters and digits) of `text` starts. */
function wordStarts(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of text.matchAll(WORD)) {
    const list = out.get(m[0]);
    if (list) list.push(m.index);
    else out.set(m[0], [m.index]);
  }
  return out;
}

/** Every place `value` occurs in `text`. */
function scanFrom(text: string, value: string): number[] {
  const out: number[] = [];
  if (value) for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) out.push(at);
  return out;
}

/** Occurrences of `value` at the candidate places (ascending), not glued to a letter or digit on
 * either side and not overlapping an occurrence already counted. */
function standalone(text: string, value: string, candidates: readonly number[]): number {
  let count = 0;
  let free = 0;
  for (const at of candidates) {
    if (at < free || !text.startsWith(value, at)) continue;
    if (glued(text.codePointAt(at - 1 >= 0 && isLowSurrogate(text.charCodeAt(at - 1)) ? at - 2 : at - 1)) || glued(text.codePointAt(at + value.length))) continue;
    count++;
    free = at + value.length;
  }
  return count;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const glued = (cp: number | undefined) => cp !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));

/** Probes of several redactions, one per distinct (kind, value). */
export function distinctProbes(redactions: readonly Redaction[]): Probe[] {
  const seen = new Map<string, Probe>();
  for (const r of redactions) for (const p of probesOf(r)) if (!seen.has(`${p.kind}:${p.value}`)) seen.set(`${p.kind}:${p.value}`, p);
  return [...seen.values()];
}
