/**
 * Phone numbers: libphonenumber-js (max metadata, country NL) finds the candidates. Numbers that are
 * VALID (in an issued number range) are accepted; numbers that are only POSSIBLE (a Dutch mobile in
 * a range not yet issued, "+31 6 7…", or a fictitious number) must also have a strict written shape:
 * no dots or colons, and exactly the digit count of a Dutch number. Then a post-filter removes what VALID still lets through in Dutch documents: times and time
 * ranges ("09.00-10.30" parses as a 0900 number), dates, amounts, years, article numbers. A real
 * number is written with a leading +, 00, 0 or "(" — or is the municipal 14 0xx number.
 * IBAN and BSN run first and are masked, so their digits never reach this recognizer.
 */
import { findNumbers, type NumberFound } from 'libphonenumber-js/max';
import type { Finding, Recognizer } from '../types.js';
import { finding } from './util.js';

const LEADING = /^(?:\+|00|0|\()/;
const MUNICIPAL = /^14\s?0\d{2,3}$/;
const TIME_START = /^\d{1,2}[.:]\d{2}(?!\d)/;
/** A Dutch number written by hand: 0 + 9 digits, +31 / 0031 + 9 digits, spaces, hyphens or brackets only. */
const STRICT_NL = /^(?:(?:\+|00)31[\s-]?(?:\(0\)[\s-]?)?|\(?0)[1-9][\d\s()-]+$/;
const DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
/** Service numbers of organisations (0800 free, 0900 paid, 088 company-wide): rarely a person's. */
const SERVICE = /^(?:\+31\s?|0031\s?|0)(?:800|900|906|909|88)\b|^0(?:800|900|906|909|88)/;

export const phoneRecognizer: Recognizer = {
  name: 'phone',
  category: 'phone',
  context: ['tel', 'telefoon', 'mobiel', 'bereikbaar', 'bellen', 'bel'],
  find(text: string): Finding[] {
    const out = candidates(text).map((n) => judge(text, n)).filter((f): f is Finding => f !== undefined);
    // a number wrapped at the end of a line ("+31 6\n75331188") is still one number: read the
    // text again with such line breaks as spaces (offsets stay in place) and add what only that
    // reading finds
    const joined = text.replace(/(?<=[\d)-])\n(?=[\d(])/g, ' ');
    if (joined !== text) {
      for (const n of candidates(joined)) {
        if (!text.slice(n.startsAt, n.endsAt).includes('\n') || out.some((f) => f.start < n.endsAt && n.startsAt < f.end)) continue;
        const f = judge(joined, n);
        if (f) out.push({ ...f, text: text.slice(f.start, f.end) });
      }
    }
    return out;
  },
};

/** Dates and clock times ("[02-09-2025 11:04:40]", "22-11-25 14:07"): libphonenumber would read
 * them as the start of a number and swallow the real number after them, so they are blanked
 * (same length, offsets stay in place) before the search. */
const DATE_OR_TIME = /(?<![\d+])(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})|\d{1,2}:\d{2}(?::\d{2})?)(?![\d])/g;

/** Fewest digits of a number this recognizer accepts (the municipal 14 0xx). */
const MIN_DIGITS = 5;

/** Runs of digits and the characters written between the digits of a phone number. */
const DIGIT_RUN = /[+(]?\d[\d\s().\/-]*/g;
/** En and em dashes that word processors put in "020 – 1234567": read as the hyphen (same length). */
const DASHES = /[\u2013\u2014]/g;

/** Only runs of MIN_DIGITS digits or more can hold a phone number: everything else is blanked
 * (same length, offsets stay in place) so that libphonenumber does not parse every year, amount
 * and article number of the text, which cost it most of its time. The judgement of a match reads
 * the original text, so letters glued to a number still reject it. */
function onlyDigitRuns(text: string): string {
  const parts: string[] = [];
  let pos = 0;
  for (const m of text.matchAll(DIGIT_RUN)) {
    let digits = 0;
    for (let i = 0; i < m[0].length && digits < MIN_DIGITS; i++) {
      const c = m[0].charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
    }
    if (digits < MIN_DIGITS) continue;
    // a blank gap must still separate two numbers: with only spaces between them libphonenumber
    // reads "020 - 1234567 of 06 - 12345678" as one chunk and loses the first number
    parts.push(gap(m.index - pos), m[0]);
    pos = m.index + m[0].length;
  }
  parts.push(gap(text.length - pos));
  return parts.join('');
}

const gap = (n: number): string => (n > 0 ? `\n${' '.repeat(n - 1)}` : '');

function candidates(input: string): NumberFound[] {
  const text = onlyDigitRuns(input.replace(DASHES, '-').replace(DATE_OR_TIME, (m) => ' '.repeat(m.length)));
  // leniency is a documented option of findNumbers but missing from its type declarations
  return findNumbers(text, { defaultCountry: 'NL', v2: true, leniency: 'POSSIBLE' } as { defaultCountry: 'NL'; v2: true }) as NumberFound[];
}

/** A phone number, or undefined when the match is a time, date, code or not a Dutch number. */
function judge(text: string, n: NumberFound): Finding | undefined {
  const raw = text.slice(n.startsAt, n.endsAt).replace(DASHES, '-');
  const valid = n.number.isValid();
  if (!valid && !(STRICT_NL.test(raw) && n.number.countryCallingCode === '31' && n.number.nationalNumber.length === 9)) return undefined;
  const municipal = MUNICIPAL.test(raw);
  if (!municipal && !LEADING.test(raw)) return undefined;
  if (TIME_START.test(raw) || DATE.test(raw)) return undefined;
  // a number glued to letters or to more digits is part of a code, not a phone number
  const before = text[n.startsAt - 1] ?? ' ';
  const after = text[n.endsAt] ?? ' ';
  if (/[\p{L}\d]/u.test(before) || /[\p{L}\d]/u.test(after)) return undefined;
  if (municipal) return finding(text, n.startsAt, n.endsAt, 'phone', 'phone/municipal', 0.2, 'algemeen gemeentenummer (14 0xx), meestal openbaar');
  if (SERVICE.test(raw.replace(/[\s()-]/g, ''))) return finding(text, n.startsAt, n.endsAt, 'phone', 'phone/service', 0.4, 'servicenummer van een organisatie, meestal openbaar');
  if (valid) return finding(text, n.startsAt, n.endsAt, 'phone', 'phone/number', 0.95, 'telefoonnummer');
  return finding(text, n.startsAt, n.endsAt, 'phone', 'phone/shape', 0.8, 'telefoonnummer (vorm klopt, nummerreeks onbekend)');
}
