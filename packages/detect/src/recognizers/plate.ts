/**
 * Dutch licence plates (kentekens), only after a context word: the shapes (three groups of
 * letters and digits, six characters) also match article and case numbers. The groups must
 * alternate between letters and digits, as in all Dutch sidecodes (AB-12-CD, 12-ABC-3, G-001-BB).
 */
import type { Finding, Recognizer } from '../types.js';
import { contextNear, finding, wordsRegExp } from './util.js';

const PLATE_RE = /(?<![\p{L}\d-])([A-Z]{1,3}|\d{1,3})[- ]([A-Z]{1,3}|\d{1,3})[- ]([A-Z]{1,3}|\d{1,3})(?![\p{L}\d-])/gu;
const CONTEXT = ['kenteken', 'kentekens', 'kentekenplaat', 'nummerplaat', 'auto', 'voertuig', 'scooter', 'bestelbus', 'motor'];
const CONTEXT_RE = wordsRegExp(CONTEXT);
const isDigits = (s: string) => /^\d+$/.test(s);

export function isPlateShape(groups: readonly string[]): boolean {
  if (groups.join('').length !== 6) return false;
  // adjacent groups differ in kind; no vowels-only confusion checks needed for detection
  return groups.every((g, i) => i === 0 || isDigits(g) !== isDigits(groups[i - 1]!)) && groups.some((g) => !isDigits(g));
}

export const plateRecognizer: Recognizer = {
  name: 'licenseplate',
  category: 'licenseplate',
  context: CONTEXT,
  find(text: string): Finding[] {
    const out: Finding[] = [];
    for (const m of text.matchAll(PLATE_RE)) {
      if (!isPlateShape([m[1]!, m[2]!, m[3]!])) continue;
      if (!contextNear(text, m.index, m.index, CONTEXT_RE, 40)) continue;
      out.push(finding(text, m.index, m.index + m[0].length, 'licenseplate', 'licenseplate', 0.9, "kenteken (na 'kenteken')"));
    }
    return out;
  },
};
