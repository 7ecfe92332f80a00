import type { Category } from '@woo/core';
import type { Finding } from '../types.js';

/** Character used to hide found entities from later recognizers; it is never part of a word. */
export const MASK_CHAR = '\uE000';

export function finding(
  text: string,
  start: number,
  end: number,
  category: Category,
  detector: string,
  confidence: number,
  explanation: string,
  mask: readonly [number, number] = [start, end],
): Finding {
  return { start, end, text: text.slice(start, end), category, detector, confidence, explanation, mask };
}

/** Does one of `words` (a lowercase regexp alternation) occur within `window` characters before
 * `start` (or after `end`, when `after` is given)? Context words make weak patterns (9 digits,
 * a date) personal data. */
export function contextNear(text: string, start: number, end: number, words: RegExp, window: number, after = 0): boolean {
  const before = text.slice(Math.max(0, start - window), start);
  if (words.test(before)) return true;
  return after > 0 && words.test(text.slice(end, end + after));
}

/** Regexp that matches any of the words as whole words, case-insensitive. */
export function wordsRegExp(words: readonly string[]): RegExp {
  const alt = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<![\\p{L}\\d])(?:${alt})(?![\\p{L}\\d])`, 'iu');
}

/** Start and end offsets of the line holding `pos`. */
export function lineAt(text: string, pos: number): [number, number] {
  // one backward scan to the nearest line or page break (lastIndexOf('\f') would run to the start of
  // a long text without page breaks for every call)
  let s = Math.min(pos, text.length);
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (c === 10 || c === 12) break;
    s--;
  }
  let e = text.indexOf('\n', pos);
  if (e < 0) e = text.length;
  return [s, e];
}

/** The label of the field holding `pos`: the label of its own line or, for a field value that
 * wrapped onto following lines ("Van:\tJan Jansen, +31 6\n12345678, j.jansen@..."), of the
 * nearest earlier line within `maxLines` that has one, provided no line in between has its own. */
export function fieldLabel(text: string, pos: number, maxLines = 3): string | undefined {
  let [s, e] = lineAt(text, pos);
  for (let i = 0; i <= maxLines; i++) {
    const label = lineLabel(text.slice(s, e));
    if (label) return label.label;
    if (s === 0 || text[s - 1] === '\f') return undefined;
    [s, e] = lineAt(text, s - 1);
  }
  return undefined;
}

/** Header or list label at the start of a line ("Van:", "<b>Aan</b>\t", "**CC:**"), lowercase, or
 * undefined. The label must end in ':' or a tab so ordinary sentences starting with "Van" don't count. */
const LABEL_RE = /^[\s*#>]*(?:<[^<>\n]{1,20}>)?\s*([\p{L}-]{2,20}(?: [\p{L}-]{2,12})?)\s*(?:<\/[^<>\n]{1,20}>)?\s*\**\s*(?::|\t)/u;
export function lineLabel(line: string): { label: string; valueStart: number } | undefined {
  const m = LABEL_RE.exec(line);
  if (!m) return undefined;
  return { label: m[1]!.toLowerCase(), valueStart: m[0].length };
}
