/**
 * Home addresses. A Dutch postcode (1234 AB) is the anchor: with the street + house number before
 * it and the place after it, the whole address is redacted. A street with a house number but no
 * postcode ("Jacob Bontiusplaats 11") is usually an office or meeting place and stays visible,
 * unless a residence word stands before it ("woont aan de Kerkstraat 12"), it fills a form's
 * address field ("Straat en huisnummer: Kastanjeweg 12-2") or it stands in brackets behind a
 * person's name ("Fleur Jansen (Kastanjeweg 12-2)", see addressesBehindNames, called by the
 * detector once the names are known). Postbus addresses belong to organisations and stay visible.
 */
import type { Finding, Recognizer } from '../types.js';
import { contextNear, finding, wordsRegExp } from './util.js';
import { STREET_SUFFIX_STRONG, STREET_SUFFIX_WEAK } from '../lexicon/words.js';

const POSTCODE_RE = /(?<![\p{L}\d])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\d])/gu;
/** Street words: a capitalised word, then words that are capitalised or small connecting words
 * ("Laan van Meerdervoort", "Burgemeester de Vlugtlaan"), then a house number with addition. */
const STREET = String.raw`(?:'s-|'t )?\p{Lu}[\p{L}'.-]*(?: (?:\p{Lu}[\p{L}'.-]*|van|de|der|den|het|'t|op|aan|bij|in|la|le))*`;
const HOUSE_NO = String.raw`\d{1,5}(?:(?: ?- ?| )?(?:[a-zA-Z]{1,2}\d?|\d{1,4})(?![\p{L}\d]))?(?: ?(?:hs|bis|huis|I{1,3}))?`;
const STREET_BEFORE_RE = new RegExp(`(${STREET}) (${HOUSE_NO})[ \\t]*,?[ \\t]*\\n?[ \\t]*$`, 'u');
const PLACE_AFTER_RE = /^[ \t]*,?[ \t]*((?:'s-|'t )?\p{Lu}[\p{L}'-]*(?:[ -](?:aan|den|de|op|\p{Lu}[\p{L}'-]*)){0,3})/u;
const RESIDENCE_WORDS = ['woon', 'woont', 'wonen', 'wonend', 'mijn adres', 'ons adres', 'zijn adres', 'haar adres', 'verhuist naar', 'woonachtig', 'wonende', 'woonadres', 'huisadres', 'thuisadres', 'woonde', 'verhuisd naar', 'woonplaats'];
const RESIDENCE_RE = wordsRegExp(RESIDENCE_WORDS);
/** Capitalised words with a number that are page furniture or references, never a street: the
 * running footer "Pagina 1 van 3" may follow "Ik woon op" at a page end; a Postbus is an organisation's. */
const NUMBERED_THINGS = /^(?:postbus|pagina|page|blz|bladzijde|versie|artikel|bijlage|hoofdstuk|paragraaf|lid|nummer|nr|kamer|zaal|week|dag)$/i;
/** For a lone postcode an address label is enough context; a street + number needs a residence word. */
const POSTCODE_CONTEXT_RE = wordsRegExp([...RESIDENCE_WORDS, 'adres', 'postcode']);
/** House number with an addition: "121C", "215-H", "157-1", "45 III", "12 hs", "8 bis". */
const HOME_NO = String.raw`\d{1,5}(?:[ -]?[a-zA-Z](?![\p{L}])|-\d{1,4}| (?:I{1,3}|IV|hs|bis|huis)(?![\p{L}]))?`;
// the house number may wrap to the next line ("Ik woon op Tulpstraat\n156, …")
const HOME_STREET_RE = new RegExp(`(?<![\\p{L}])(${STREET})[ \\n](${HOME_NO})(?![\\p{L}\\d])`, 'gu');

export const addressRecognizer: Recognizer = {
  name: 'address',
  category: 'address',
  context: ['woont', 'woonachtig', 'woonadres', 'adres', 'postcode'],
  find(text: string): Finding[] {
    const out: Finding[] = [];
    for (const m of text.matchAll(POSTCODE_RE)) {
      let start = m.index;
      let end = start + m[0].length;
      const before = text.slice(Math.max(0, start - 100), start);
      const street = STREET_BEFORE_RE.exec(before);
      if (street && /^postbus$/i.test(street[1]!.trim())) continue; // an organisation's mail address
      const place = PLACE_AFTER_RE.exec(text.slice(end, end + 60));
      if (place) end += place[0].length;
      if (street) {
        start -= street[0].length;
        out.push(finding(text, start, end, 'address', 'address/postcode', 0.9, 'adres met straat, huisnummer en postcode'));
      } else if (/postbus\s*\d+[\s,]*$/i.test(before)) {
        continue;
      } else if (contextNear(text, start, end, POSTCODE_CONTEXT_RE, 50)) {
        out.push(finding(text, start, end, 'address', 'address/postcode-only', 0.7, 'postcode van een woonadres'));
      } else {
        out.push(finding(text, start, end, 'address', 'address/postcode-only', 0.4, 'losse postcode (kan een woonadres zijn)'));
      }
    }
    // street + house number without postcode: only after a residence word or as the value of a form's address field
    for (const m of text.matchAll(HOME_STREET_RE)) {
      if (NUMBERED_THINGS.test(m[1]!)) continue;
      const field = addressField(text, m.index);
      if (!field && !contextNear(text, m.index, m.index, RESIDENCE_RE, 25)) continue;
      // over a line break only a word that is visibly a street, before a house number and not a year
      // ("woont in Amsterdam\n2024 …" is no address)
      if (m[0].includes('\n')) {
        const street = m[1]!.toLowerCase();
        const year = /^(?:19|20)\d{2}$/.test(m[2]!);
        if (!STREET_SUFFIX_STRONG.test(street) && !(STREET_SUFFIX_WEAK.test(street) && !year)) continue;
      }
      if (out.some((f) => f.start <= m.index && f.end >= m.index + m[0].length)) continue;
      if (field) out.push(finding(text, m.index, m.index + m[0].length, 'address', 'address/field', 0.85, 'straat en huisnummer in een adresveld'));
      else out.push(finding(text, m.index, m.index + m[0].length, 'address', 'address/street', 0.75, 'straat en huisnummer van een woonadres'));
    }
    // a home address found once is a home address everywhere in the document ("bij het pand Hoofdweg 70A")
    out.push(...repeatAddresses(text, out, homeStreets(text, out)));
    return out;
  },
};

/** The label of a form field that holds a person's own address ("Straat en huisnummer:", "Adres",
 * "Woonadres"), alone before the value on its line or on the line above. A visiting or postal address
 * ("Bezoekadres:", "Postadres:") is an organisation's and does not count. */
const STREET_AND_NUMBER = String.raw`straat(?:naam)?\s*(?:en|\+|&|/)\s*huis(?:nummer|nr\.?)(?:\s*(?:en|\+|&|/)\s*toevoeging)?`;
const ADDRESS_LABEL = String.raw`(?:${STREET_AND_NUMBER}|(?:woon|huis|thuis)?adres|straat)`;
// a one-word label needs a colon, a tab or a wide gap before its value; "Straat en huisnummer" is
// unmistakable, and text extraction may join a form's label and value cells with one space
const FIELD_SAME_LINE_RE = new RegExp(
  `(?:^|[\\n\\f\\t])[ \\t*•-]*(?:${ADDRESS_LABEL}[ \\t]*(?::[ \\t]*|\\t[ \\t]*| {2,})|${STREET_AND_NUMBER}:?[ \\t]+)$`,
  'iu',
);
const FIELD_LINE_ABOVE_RE = new RegExp(`(?:^|[\\n\\f])[ \\t*•-]*${ADDRESS_LABEL}[ \\t]*:?[ \\t]*\\n[ \\t]*$`, 'iu');

function addressField(text: string, pos: number): boolean {
  const before = text.slice(Math.max(0, pos - 60), pos);
  return FIELD_SAME_LINE_RE.test(before) || FIELD_LINE_ABOVE_RE.test(before);
}

/** "Street number" keys (folded, single spaces) of the home addresses found: the street part of
 * postcode addresses and the street addresses after a residence word. */
export function homeStreets(text: string, found: readonly Finding[]): Set<string> {
  const keys = new Set<string>();
  for (const f of found) {
    if (f.confidence < 0.5) continue;
    for (const m of text.slice(f.start, f.end).matchAll(HOME_STREET_RE)) {
      if (/^postbus$/i.test(m[1]!.trim())) continue;
      keys.add(streetKey(m[0]));
    }
  }
  return keys;
}

const streetKey = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Other occurrences of known home "street number" keys (from this document or, in a batch, from
 * the dossier) that no finding covers yet. */
export function repeatAddresses(text: string, found: readonly Finding[], keys: ReadonlySet<string>): Finding[] {
  if (!keys.size) return [];
  const out: Finding[] = [];
  for (const m of text.matchAll(HOME_STREET_RE)) {
    // the street pattern may take a capitalised word before the street ("Pand Hoofdweg 70A"): try its tails
    const words = m[0].split(/[ \n]/);
    for (let w = 0; w < words.length - 1; w++) {
      const tail = words.slice(w).join(' ');
      if (!keys.has(streetKey(tail))) continue;
      const start = m.index + m[0].length - tail.length;
      const end = m.index + m[0].length;
      if (!found.some((f) => f.start < end && start < f.end) && !out.some((f) => f.start < end && start < f.end))
        out.push(finding(text, start, end, 'address', 'address/repeat', 0.8, 'zelfde woonadres als elders in het document'));
      break;
    }
  }
  return out;
}

/** "(Kastanjeweg 12-2)" or "(Kastanjeweg 12-2, Zaandam)" right behind a person's name: the person's
 * home address, also without a postcode. The bracket must hold only the address (and a place), and
 * the street must look like one (a street suffix, or a street the gazetteer knows). */
const BRACKET_ADDRESS_RE = new RegExp(String.raw`^[ \t]*\n?[ \t]*\(((${STREET})[ \n](${HOME_NO}))(?:,[ \t]*(?:'s-|'t )?\p{Lu}[\p{L}'-]*(?:[ -]\p{Lu}[\p{L}'-]*){0,2})?\)`, 'u');

export function addressesBehindNames(text: string, names: readonly { end: number; confidence: number }[], isStreet: (street: string) => boolean): Finding[] {
  const out: Finding[] = [];
  for (const n of names) {
    if (n.confidence < 0.5) continue;
    const m = BRACKET_ADDRESS_RE.exec(text.slice(n.end, n.end + 80));
    if (!m) continue;
    const street = m[2]!.toLowerCase();
    if (NUMBERED_THINGS.test(street)) continue;
    if (!STREET_SUFFIX_STRONG.test(street) && !STREET_SUFFIX_WEAK.test(street) && !isStreet(m[2]!)) continue;
    const start = n.end + m[0].indexOf('(') + 1;
    out.push(finding(text, start, start + m[1]!.length, 'address', 'address/behind-name', 0.85, 'straat en huisnummer achter de naam van een persoon'));
  }
  return out;
}
