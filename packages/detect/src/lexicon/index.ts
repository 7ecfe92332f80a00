/**
 * The lexicon the name rules consult: the project's curated lists, plus the system gazetteers
 * (frogdata, wdutch) when they are installed and wanted. All keys are folded (see fold.ts).
 */
import { fold } from './fold.js';
import { loadNpmNames, loadNpmWords } from './npm-sources.js';
import { FIRST_NAMES } from './first-names.js';
import { SURNAMES } from './surnames.js';
import { PLACES } from './places.js';
import { COMMON_WORD_NAMES, FUNCTION_WORDS, MONTHS, WEEKDAYS, ORG_AFTER, ORG_BEFORE, OFFICIAL_ROLES, ADMIN_TERMS } from './words.js';
import { existsSync } from 'node:fs';
import { loadSystemLexicon, SYSTEM_SOURCES, systemLexiconAvailable } from './system.js';

export { fold } from './fold.js';
export * from './words.js';

export type LexiconMode = 'system' | 'builtin';

export interface Lexicon {
  readonly mode: LexiconMode;
  isFirstName(key: string): boolean;
  isSurname(key: string): boolean;
  /** An ordinary Dutch word (also when capitalised): names that are words need support. */
  isCommonWord(key: string): boolean;
  /** Words that are never a name on their own: function words, months, weekdays, role and org words. */
  isStopword(key: string): boolean;
  /** Stopwords that are not plain function words (months, role, org and admin words): never a
   * surname, not even after a tussenvoegsel ("van der Meer" is a name, "van Stichting" is not). */
  isNameBlocker(key: string): boolean;
  isPlace(key: string): boolean;
  isStreet(key: string): boolean;
}

/** Which lexicon a detector runs on and why: logged at start, printed in the CLI's --json. */
export interface LexiconStatus {
  /** The mode in use. */
  mode: LexiconMode;
  /** The mode asked for (options, WOO_LEXICONS) or 'system' by default. */
  requested: LexiconMode;
  /** Dutch warnings: a missing gazetteer or word list, a fallback to the builtin lists. */
  warnings: string[];
}

/** The status of the lexicon for a requested mode, with a warning for every missing source: a missing
 * list changes what is found, so it is never silent. */
export function lexiconStatus(requested: LexiconMode | undefined, inUse: LexiconMode): LexiconStatus {
  const asked = requested ?? 'system';
  const warnings: string[] = [];
  if (asked === 'system') {
    const missing = SYSTEM_SOURCES.filter((s) => !existsSync(s.file));
    for (const m of missing) warnings.push(`${m.role} ontbreekt (${m.file}): installeer de Debian-pakketten frogdata en wdutch.`);
    if (inUse === 'builtin') warnings.push('De detector gebruikt alleen de ingebouwde naamlijsten: minder namen, straten en plaatsen worden herkend.');
  }
  return { mode: inUse, requested: asked, warnings };
}

const foldAll = (xs: Iterable<string>): Set<string> => new Set([...xs].map(fold));

const builtinFirst = foldAll(FIRST_NAMES);
const builtinSurnames = foldAll(SURNAMES);
const builtinPlaces = foldAll(PLACES);
const stopwords = foldAll([...FUNCTION_WORDS, ...ADMIN_TERMS, ...MONTHS, ...WEEKDAYS, ...ORG_AFTER, ...ORG_BEFORE, ...OFFICIAL_ROLES]);
const blockers = foldAll([...ADMIN_TERMS, ...MONTHS, ...WEEKDAYS, ...ORG_AFTER, ...ORG_BEFORE, ...OFFICIAL_ROLES]);
const commonNames = foldAll(COMMON_WORD_NAMES);

const lexicons = new Map<LexiconMode, Lexicon>();

/** The lexicon for a mode. 'system' falls back to 'builtin' when frogdata is not installed. */
export function getLexicon(mode: LexiconMode = systemLexiconAvailable() ? 'system' : 'builtin'): Lexicon {
  const sys = mode === 'system' ? loadSystemLexicon() : undefined;
  const effective: LexiconMode = sys ? 'system' : 'builtin';
  const known = lexicons.get(effective);
  if (known) return known;
  // frogdata is Dutch-centred: the npm name lists add Polish, West African, Indonesian and Yugoslav names it lacks
  const npm = sys ? loadNpmNames() : undefined;
  const lex: Lexicon = sys && npm
    ? {
        mode: 'system',
        isFirstName: (k) => builtinFirst.has(k) || sys.firstNames.has(k) || npm.firstNames.has(k),
        isSurname: (k) => builtinSurnames.has(k) || sys.surnames.has(k) || npm.surnames.has(k),
        isCommonWord: (k) => commonNames.has(k) || stopwords.has(k) || sys.words.has(k),
        isStopword: (k) => stopwords.has(k),
        isNameBlocker: (k) => blockers.has(k),
        isPlace: (k) => builtinPlaces.has(k) || sys.places.has(k),
        isStreet: (k) => sys.streets.has(k),
      }
    : builtinLexicon();
  lexicons.set(effective, lex);
  return lex;
}

/** Without the Debian gazetteers: the project's own lists plus the name and word lists that come
 * with the npm install (npm-sources.ts). */
function builtinLexicon(): Lexicon {
  const npm = loadNpmNames();
  const words = loadNpmWords();
  return {
    mode: 'builtin',
    isFirstName: (k) => builtinFirst.has(k) || npm.firstNames.has(k),
    isSurname: (k) => builtinSurnames.has(k) || npm.surnames.has(k),
    isCommonWord: (k) => commonNames.has(k) || stopwords.has(k) || words.has(k),
    isStopword: (k) => stopwords.has(k),
    isNameBlocker: (k) => blockers.has(k),
    isPlace: (k) => builtinPlaces.has(k),
    // without a street gazetteer only the suffix rules recognise streets
    isStreet: () => false,
  };
}
