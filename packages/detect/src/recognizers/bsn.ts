/**
 * BSN (burgerservicenummer): nine digits that pass the elfproef. One in eleven random 9-digit
 * numbers passes it too, so a plain 9-digit number needs a context word nearby; the dotted shape
 * 1234.56.782 that only BSNs use is accepted on its own.
 */
import type { Finding, Recognizer } from '../types.js';
import { contextNear, finding, wordsRegExp } from './util.js';

/** 1234.56.782 (the BSN's own shape), 123 456 782, 1234 56 782 or 123456782. */
// the groups may wrap at a line end ("burgerservicenummer 771 039\n165")
const BSN_RE = /(?<![\d.,\p{L}-])(?:(\d{4}\.\d{2}\.\d{3})|\d{3}[ \n]\d{3}[ \n]\d{3}|\d{4}[ \n]\d{2}[ \n]\d{3}|\d{9})(?![\d\p{L}]|[.,]\d)/gu;
const CONTEXT = ['bsn', 'bsn-nummer', 'burgerservicenummer', 'burgerservice nummer', 'sofinummer', 'sofi-nummer', 'persoonsnummer', 'bsn nr'];
const CONTEXT_RE = wordsRegExp(CONTEXT);

/** The elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not 0). */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

export const bsnRecognizer: Recognizer = {
  name: 'bsn',
  category: 'bsn',
  context: CONTEXT,
  find(text: string): Finding[] {
    const out: Finding[] = [];
    for (const m of text.matchAll(BSN_RE)) {
      const digits = m[0].replace(/[ .\n]/g, '');
      if (!isValidBsn(digits)) continue;
      const end = m.index + m[0].length;
      if (m[1]) {
        out.push(finding(text, m.index, end, 'bsn', 'bsn/shape', 0.9, 'BSN (vorm 1234.56.789, elfproef klopt)'));
      } else if (contextNear(text, m.index, end, CONTEXT_RE, 60, 30)) {
        out.push(finding(text, m.index, end, 'bsn', 'bsn/context', 0.95, "BSN (elfproef klopt, 'BSN' staat ervoor)"));
      }
    }
    return out;
  },
};
