/** Text matching shared by the dossier checks: word-bounded, case-insensitive, and lenient about
 * how words are joined (a name broken over two lines, "Verwey-Jonker" written "Verwey Jonker"). */

/** Characters that join the words of one entity interchangeably: white space and hyphens. */
const JOINER = /[\s\-\u2010\u2011\u2012\u2013]+/u;
const WORD_CHAR = '[\\p{L}\\p{N}]';

/** How an entity is compared: lower case, composed accents, joiners as one space. */
export function entityKey(text: string): string {
  return text.normalize('NFC').toLowerCase().split(JOINER).filter(Boolean).join(' ');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A sticky, case-insensitive pattern for `needle` that only matches whole words: "Jan" never
 * matches the start of "Jansen" or "januari". */
export function wordPattern(needle: string, flags = 'giu'): RegExp | undefined {
  const parts = needle.normalize('NFC').split(JOINER).filter(Boolean);
  if (!parts.length) return undefined;
  const body = parts.map(escape).join('[\\s\\-\\u2010-\\u2013]+');
  return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, flags);
}

/** Every whole-word occurrence of `needle` in `text` (NFC, as page views hold it), as [start, end) offsets. */
export function findWordOccurrences(text: string, needle: string): Array<[number, number]> {
  const pattern = wordPattern(needle);
  if (!pattern) return [];
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/** True when the text holds something worth comparing across documents: a word of three or
 * more characters, or a number long enough to identify someone (a BSN, a phone number), never
 * "-" or "12". */
export function isComparable(text: string): boolean {
  const key = entityKey(text);
  return key.length >= 3 && (/\p{L}/u.test(key) || key.replace(/\D/g, '').length >= 6);
}

/** The words of a text as the dossier index keys them. */
export function tokens(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}
