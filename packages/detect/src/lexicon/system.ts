/**
 * System gazetteers, read at run time when the Debian packages are installed:
 *  - frogdata (GPL-3+): /usr/share/frog/nld/{voornamen,familienamen,straten-nld,plaatsen-nld,geonames-nl}.ner
 *  - wdutch (OpenTaal, BSD / CC-BY): /usr/share/dict/dutch
 * The data is used as input, never copied into the repository. Loaded lazily, once per process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  /** Where the sets came from: the compact cache, or the gazetteers (then the cache was written, if it could be). */
  source: 'cache' | 'gazetteers';
}

/** The gazetteer files the system mode reads, with what each adds (for the start-up report). */
export const SYSTEM_SOURCES: readonly { file: string; role: string }[] = [
  { file: `${FROG_DIR}/voornamen.ner`, role: 'voornamen (frogdata)' },
  { file: `${FROG_DIR}/familienamen.ner`, role: 'achternamen (frogdata)' },
  { file: `${FROG_DIR}/straten-nld.ner`, role: 'straatnamen (frogdata)' },
  { file: `${FROG_DIR}/plaatsen-nld.ner`, role: 'plaatsnamen (frogdata)' },
  { file: WORDLIST, role: 'Nederlandse woordenlijst (wdutch)' },
];

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

const FIRST_NAMES_FILE = `${FROG_DIR}/voornamen.ner`;
const SURNAMES_FILE = `${FROG_DIR}/familienamen.ner`;
const STREETS_FILE = `${FROG_DIR}/straten-nld.ner`;
const PLACE_FILES = ['plaatsen-nld', 'geonames-nl', 'gemeenten-nld', 'provincies-nld', 'regios-nld', 'landen-europa'].map((f) => `${FROG_DIR}/${f}.ner`);
const SOURCES = [FIRST_NAMES_FILE, SURNAMES_FILE, STREETS_FILE, ...PLACE_FILES, WORDLIST];

let cache: SystemLexicon | undefined;

/** Read and fold the gazetteers (about a second: most of it folding 700k entries). */
function buildFromGazetteers(): Omit<SystemLexicon, 'loadMs' | 'source'> {
  const firstNames = new Set<string>();
  // the lists hold some lowercase junk and function words; only capitalised entries are names
  for (const n of lines(FIRST_NAMES_FILE)) if (/^\p{Lu}/u.test(n)) addFolded(firstNames, n);
  const surnames = new Set<string>();
  for (const n of lines(SURNAMES_FILE)) {
    const core = n.trim().split(/\s+/).filter((w) => w && !PARTICLES.has(w.toLowerCase()));
    if (core.length && /^\p{Lu}/u.test(core[0]!)) addFolded(surnames, core.join(' '));
  }
  const streets = new Set<string>();
  for (const s of lines(STREETS_FILE)) addFolded(streets, s);
  const places = new Set<string>();
  for (const f of PLACE_FILES) for (const s of lines(f)) addFolded(places, s);
  const words = new Set<string>();
  // lowercase entries only: capitalised entries in the word list are themselves names and places
  for (const w of lines(WORDLIST)) if (/^\p{Ll}/u.test(w)) addFolded(words, w);
  return { firstNames, surnames, streets, places, words };
}

/*
 * The compact cache: the five folded sets, one entry a line, sections separated by a NUL line, in
 * one file under $WOO_LEXICON_CACHE, else $XDG_CACHE_HOME/woo-redact, else <tmpdir>/woo-redact.
 * Its name carries a hash of the source files' paths, sizes and mtimes and of the loader's own
 * rules (CACHE_FORMAT, the particles), so an upgraded package or a changed rule builds a new one.
 * It holds GPL data derived from frogdata: it stays on this machine, outside the repository.
 * WOO_LEXICON_CACHE=off disables it. Reading it takes about a third of the time of folding the lists.
 */
const CACHE_FORMAT = 'woo-redact system lexicon v1';
const SECTION = '\n\u0000\n';

export function lexiconCacheDir(): string | undefined {
  const env = process.env.WOO_LEXICON_CACHE?.trim();
  if (env === 'off' || env === '0') return undefined;
  if (env) return env;
  const xdg = process.env.XDG_CACHE_HOME?.trim();
  return path.join(xdg || os.tmpdir(), 'woo-redact');
}

function cacheKey(): string {
  const h = createHash('sha256').update(CACHE_FORMAT).update([...PARTICLES].join(' '));
  for (const f of SOURCES) {
    try {
      const st = statSync(f);
      h.update(`${f}:${st.size}:${st.mtimeMs}`);
    } catch {
      h.update(`${f}:missing`);
    }
  }
  return h.digest('hex').slice(0, 20);
}

function readCache(file: string): Omit<SystemLexicon, 'loadMs' | 'source'> | undefined {
  try {
    const sections = readFileSync(file, 'utf8').split(SECTION);
    if (sections.length !== 6 || sections[0] !== CACHE_FORMAT) return undefined;
    const set = (i: number) => new Set(sections[i] ? sections[i]!.split('\n') : []);
    return { firstNames: set(1), surnames: set(2), streets: set(3), places: set(4), words: set(5) };
  } catch {
    return undefined;
  }
}

function writeCache(dir: string, file: string, lex: Omit<SystemLexicon, 'loadMs' | 'source'>): void {
  try {
    mkdirSync(dir, { recursive: true });
    const body = [CACHE_FORMAT, ...[lex.firstNames, lex.surnames, lex.streets, lex.places, lex.words].map((s) => [...s].join('\n'))].join(SECTION);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, body, { mode: 0o644 });
    renameSync(tmp, file); // atomic: a concurrent reader sees the old file or the whole new one
    // caches of older gazetteers or rules
    for (const f of readdirSync(dir)) {
      if (f.startsWith('system-lexicon-') && f.endsWith('.txt') && path.join(dir, f) !== file) unlinkSync(path.join(dir, f));
    }
  } catch {
    // a read-only or full disk: run without the cache
  }
}

/** The system lexicon, or undefined when frogdata is not installed. */
export function loadSystemLexicon(): SystemLexicon | undefined {
  if (cache) return cache;
  if (!systemLexiconAvailable()) return undefined;
  const t0 = performance.now();
  const dir = lexiconCacheDir();
  const file = dir ? path.join(dir, `system-lexicon-${cacheKey()}.txt`) : undefined;
  const cached = file ? readCache(file) : undefined;
  if (cached) {
    cache = { ...cached, loadMs: performance.now() - t0, source: 'cache' };
    return cache;
  }
  const built = buildFromGazetteers();
  if (dir && file) writeCache(dir, file, built);
  cache = { ...built, loadMs: performance.now() - t0, source: 'gazetteers' };
  return cache;
}
