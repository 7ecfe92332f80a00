import { CATEGORY_LABELS, normaliseText, wholeWordCounter, type Redaction } from '@woo/core';

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

export const normalise = normaliseText;

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

/** Counts probes in one normalised text. Built once per text and asked once per probe (a
 * verifier asks hundreds of probes of a document's whole text layer and its decompressed
 * streams): the digit runs and the places where each word starts are found once.
 * Text probes must stand on their own (wholeWordCounter); digit probes may be part of a longer number. */
export function probeCounter(text: string): (probe: Probe) => number {
  let runs: string[] | undefined;
  const words = wholeWordCounter(text);
  return (probe) => (probe.kind === 'digits' ? (runs ??= digitRuns(text)).filter((run) => run.includes(probe.value)).length : words(probe.value));
}

/** Probes of several redactions, one per distinct (kind, value). */
export function distinctProbes(redactions: readonly Redaction[]): Probe[] {
  const seen = new Map<string, Probe>();
  for (const r of redactions) for (const p of probesOf(r)) if (!seen.has(`${p.kind}:${p.value}`)) seen.set(`${p.kind}:${p.value}`, p);
  return [...seen.values()];
}
