/**
 * Test helpers (not used by the detector): casts of synthetic people from several origins, a
 * template renderer that records where each name landed, and the system-lexicon guard.
 */
import type { Detection } from '@woo/core';
import { systemLexiconAvailable } from './lexicon/system.js';

export interface Person {
  first: string;
  /** Surname as written in running text, with lowercase tussenvoegsels ("van der Linden"). */
  last: string;
}

/** Casts of invented people; every first name and surname is in the builtin lexicon, so both
 * lexicon modes must find them. */
export const CASTS: Record<string, Person[]> = {
  dutch: [
    { first: 'Sanne', last: 'Vermeulen' },
    { first: 'Thijs', last: 'Hoekstra' },
    { first: 'Marieke', last: 'van der Linden' },
    { first: 'Joost', last: 'Kuipers' },
    { first: 'Sietske', last: 'Postma' },
  ],
  moroccanTurkish: [
    { first: 'Fatima', last: 'Bouzid' },
    { first: 'Mohammed', last: 'Ouaali' },
    { first: 'Zeynep', last: 'Yıldız' },
    { first: 'Hakan', last: 'Öztürk' },
    { first: 'Khadija', last: 'El Khattabi' },
  ],
  worldwide: [
    { first: 'Ravi', last: 'Ramautar' },
    { first: 'Sunita', last: 'Mahabier' },
    { first: 'Kwame', last: 'Mensah' },
    { first: 'Joanna', last: 'Nowak' },
    { first: 'Glenn', last: 'Martina' },
  ],
};

export const ALL_PEOPLE: Person[] = Object.values(CASTS).flat();

/** "van der Linden" → "Van der Linden" (a surname starting a sentence or standing alone). */
export const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface Rendered {
  text: string;
  /** Character ranges that must be redacted. */
  expected: Array<{ start: number; end: number; text: string }>;
}

/** Fill {first} {last} {Last} {full} {initial} {FULL} slots; every slot is an expected name span. */
export function render(template: string, p: Person): Rendered {
  const values: Record<string, string> = {
    first: p.first,
    last: p.last,
    Last: capitalised(p.last),
    full: `${p.first} ${p.last}`,
    initial: `${p.first.charAt(0)}.`,
    FULL: `${p.first} ${p.last}`.toUpperCase(),
  };
  let text = '';
  const expected: Rendered['expected'] = [];
  let pos = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    text += template.slice(pos, m.index);
    const v = values[m[1]!]!;
    // "{initial} {last}" is one name: extend the previous span when they are adjacent
    const prev = expected[expected.length - 1];
    if (prev && prev.end === text.length - 1 && m[1] === 'last' && template.slice(pos, m.index) === ' ') {
      prev.end = text.length + v.length;
      prev.text = text.slice(prev.start) + v;
    } else expected.push({ start: text.length, end: text.length + v.length, text: v });
    text += v;
    pos = m.index + m[0].length;
  }
  text += template.slice(pos);
  return { text, expected };
}

/** Is every non-space character of text[start, end) inside a detection that would be redacted (confidence ≥ 0.5)? */
export function covered(text: string, dets: readonly Detection[], start: number, end: number): boolean {
  const strong = dets.filter((d) => d.confidence >= 0.5);
  for (let i = start; i < end; i++) {
    if (/\s/u.test(text[i]!)) continue;
    if (!strong.some((d) => d.start <= i && i < d.end)) return false;
  }
  return true;
}

export const HAS_SYSTEM_LEXICON = systemLexiconAvailable();
/** Modes to test. Without frogdata, system-mode tests are skipped with a loud warning; in CI they must run. */
export const LEXICON_MODES: Array<'builtin' | 'system'> = HAS_SYSTEM_LEXICON || process.env.CI === 'true' ? ['builtin', 'system'] : ['builtin'];
if (!HAS_SYSTEM_LEXICON) {
  console.warn('\n!!!!! /usr/share/frog/nld not found: SYSTEM-LEXICON TESTS ARE SKIPPED (apt-get install frogdata wdutch) !!!!!\n');
}
