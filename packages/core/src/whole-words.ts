/* Whole-word search in normalised text, shared by the export's verifier and the publication
 * outputs (pure: no PDF library). */

/** Case, Unicode form and runs of white space made alike, for searching. */
export function normaliseText(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** Counts the occurrences of normalised values in one normalised text that stand on their own
 * (not inside a longer word: "jan" is not found in "januari"). Built once per text and asked once
 * per value: the places where each word starts are found once, on the first question. */
export function wholeWordCounter(text: string): (value: string) => number {
  let starts: Map<string, number[]> | undefined;
  return (value) => {
    const first = LETTER_OR_DIGIT.test(value) ? value.match(WORD)![0] : undefined;
    if (!first) return standalone(text, value, scanFrom(text, value));
    return standalone(text, value, (starts ??= wordStarts(text)).get(first) ?? []);
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
