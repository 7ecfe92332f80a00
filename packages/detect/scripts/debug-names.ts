/** Print every name candidate of a text (also the dropped ones, with the reason): npx tsx debug-names.ts "text" [builtin] */
import { getLexicon } from '../src/lexicon/index.js';
import { contextCandidates } from '../src/names/context.js';
import { applyFilters } from '../src/names/filters.js';
import { lexiconCandidates, Tokens } from '../src/names/rules.js';
import { tokenize } from '../src/names/tokenize.js';

const text = process.argv[2] ?? '';
const L = getLexicon((process.argv[3] as 'builtin' | 'system' | undefined) ?? 'system');
const W = tokenize(text).filter((t) => t.kind !== 'tag');
const T = new Tokens(W, L);
const lex = lexiconCandidates(T);
const cands = [...lex, ...contextCandidates(T, lex)];
applyFilters(cands, { W, L, officialParts: new Set(), protectedRanges: [] });
for (const c of cands) console.log(`${W[c.s]!.start}-${W[c.e]!.end} "${text.slice(W[c.s]!.start, W[c.e]!.end)}" ${c.rule} ${c.strength} ${c.drop ?? ''}`);
