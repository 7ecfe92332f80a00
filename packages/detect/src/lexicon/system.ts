/**
 * System gazetteers, read at run time when the Debian packages are installed:
 *  - frogdata (GPL-3+): /usr/share/frog/nld/{voornamen,familienamen,straten-nld,plaatsen-nld,geonames-nl}.ner
 *  - wdutch (OpenTaal, BSD / CC-BY): /usr/share/dict/dutch
 * The data is used as input, never copied into the repository. Loaded lazily, once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fold } from './fold.js';
import { PARTICLES } from './words.js';

export const FROG_DIR = '/usr/share/frog/nld';
export const WORDLIST = '/usr/share/dict/dutch';

export interface SystemLexicon {
  firstNames: Set<string>;
  /** Core surnames without tussenvoegsels ("de vries" → "vries"), folded. */
  surnames: Set<string>;
  streets: Set<string>;
  places: Set<string>;
  /** Folded lowercase Dutch words: the "is this also an ordinary word?" test. */
  words: Set<string>;
  loadMs: number;
}

export function systemLexiconAvailable(): boolean {
  return existsSync(`${FROG_DIR}/voornamen.ner`) && existsSync(`${FROG_DIR}/familienamen.ner`);
}

function lines(path: string): string[] {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
}

function addFolded(set: Set<string>, s: string): void {
  const t = s.trim();
  if (t) set.add(fold(t));
}

let cache: SystemLexicon | undefined;

/** The system lexicon, or undefined when frogdata is not installed. */
export function loadSystemLexicon(): SystemLexicon | undefined {
  if (cache) return cache;
  if (!systemLexiconAvailable()) return undefined;
  const t0 = performance.now();
  const firstNames = new Set<string>();
  // the lists hold some lowercase junk and function words; only capitalised entries are names
  for (const n of lines(`${FROG_DIR}/voornamen.ner`)) if (/^\p{Lu}/u.test(n)) addFolded(firstNames, n);
  const surnames = new Set<string>();
  for (const n of lines(`${FROG_DIR}/familienamen.ner`)) {
    const core = n.trim().split(/\s+/).filter((w) => w && !PARTICLES.has(w.toLowerCase()));
    if (core.length && /^\p{Lu}/u.test(core[0]!)) addFolded(surnames, core.join(' '));
  }
  const streets = new Set<string>();
  for (const s of lines(`${FROG_DIR}/straten-nld.ner`)) addFolded(streets, s);
  const places = new Set<string>();
  for (const f of ['plaatsen-nld', 'geonames-nl', 'gemeenten-nld', 'provincies-nld', 'regios-nld', 'landen-europa']) {
    for (const s of lines(`${FROG_DIR}/${f}.ner`)) addFolded(places, s);
  }
  const words = new Set<string>();
  // lowercase entries only: capitalised entries in the word list are themselves names and places
  for (const w of lines(WORDLIST)) if (/^\p{Ll}/u.test(w)) addFolded(words, w);
  cache = { firstNames, surnames, streets, places, words, loadMs: performance.now() - t0 };
  return cache;
}
