/**
 * IBAN: country code, check digits, then 11–30 letters and digits, optionally in groups of four
 * separated by spaces. The greedy match may run into the next word ("NL91 ABNA 0417 1643 00 BSN"),
 * so every shorter cut at a group boundary is tried until ibantools validates the checksum.
 */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import type { Finding, Recognizer } from '../types.js';
import { finding } from './util.js';

const IBAN_RE = /(?<![\p{L}\d])[A-Z]{2}\d{2}(?:[ ]?[A-Z\d]){11,30}(?![\p{L}\d])/gu;

export const ibanRecognizer: Recognizer = {
  name: 'iban',
  category: 'iban',
  context: ['iban', 'rekeningnummer', 'bankrekening', 't.n.v.'],
  find(text: string): Finding[] {
    const out: Finding[] = [];
    for (const m of text.matchAll(new RegExp(IBAN_RE.source, 'giu'))) {
      let raw = m[0];
      while (raw.length >= 15) {
        if (isValidIBAN(electronicFormatIBAN(raw) ?? '')) {
          out.push(finding(text, m.index, m.index + raw.length, 'iban', 'iban', 0.98, 'IBAN-rekeningnummer (controlegetal klopt)'));
          break;
        }
        const cut = raw.lastIndexOf(' ');
        if (cut < 0) break;
        raw = raw.slice(0, cut);
      }
    }
    return out;
  },
};
