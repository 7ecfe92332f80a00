/**
 * Dates of birth. A date on its own is not personal data (meeting dates, deadlines); it is only
 * redacted after a birth word: geboren, geb., geboortedatum, date of birth.
 */
import type { Finding, Recognizer } from '../types.js';
import { contextNear, finding, wordsRegExp } from './util.js';

const MONTH = '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.?';
const DATE_RE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2} ${MONTH} (?:19|20)\d{2})(?![\p{L}\d])`,
  'giu',
);
const YEAR_RE = /(?<=geboren in |geboortejaar:? )(?:19|20)\d{2}(?!\d)/giu;
const CONTEXT = ['geboren', 'geb.', 'geb', 'geboortedatum', 'geboortedag', 'date of birth', 'dob', 'd.o.b.', 'geboren op'];
const CONTEXT_RE = wordsRegExp(CONTEXT);
/** Where a sentence ends: a full stop before a capital, a blank line, a page, a line ending a sentence. */
const SENTENCE_BREAK = /[.!?]\s+(?=\p{Lu})|[.!?;]?[ \t]*\n[ \t]*\n|[.!?;][ \t]*\n|\f/gu;

export const birthdateRecognizer: Recognizer = {
  name: 'birthdate',
  category: 'birthdate',
  context: CONTEXT,
  find(text: string): Finding[] {
    const out: Finding[] = [];
    for (const m of text.matchAll(DATE_RE)) {
      // the birth word must stand in the same sentence: "…geboren uit zorg. Op 12 mei 2024 besloten" is no
      // birth date; a line that wraps inside the sentence ("(geboren\n12-03-1961, …)") does not end it
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      let cut = 0;
      for (const s of before.matchAll(SENTENCE_BREAK)) cut = Math.max(cut, s.index + 1);
      const sentence = before.slice(cut);
      if (!contextNear(sentence, sentence.length, sentence.length, CONTEXT_RE, 30)) continue;
      out.push(finding(text, m.index, m.index + m[0].length, 'birthdate', 'birthdate/date', 0.9, 'geboortedatum'));
    }
    for (const m of text.matchAll(YEAR_RE)) {
      out.push(finding(text, m.index, m.index + m[0].length, 'birthdate', 'birthdate/year', 0.7, 'geboortejaar'));
    }
    return out;
  },
};
