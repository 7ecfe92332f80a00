/**
 * Person names: tokenise → lexicon and context rules → filters → compromise vote → document
 * consistency → non-overlapping spans with a confidence.
 */
import type { Detection } from '@woo/core';
import type { Lexicon } from '../lexicon/index.js';
import { type Candidate, type Strength } from './candidate.js';
import { contextCandidates } from './context.js';
import { propagate, type NameSeeds } from './consistency.js';
import { applyFilters, type Range } from './filters.js';
import { lexiconCandidates, Tokens } from './rules.js';
import { shapeCandidates } from './shape-rules.js';
import { applyKeepNames, emptyKeepNames, type KeepNames, learnKeepNames, mergeKeepNames } from './keep-names.js';
import { tokenize, type Token } from './tokenize.js';
import { compromiseVote } from './vote.js';

export interface NameOptions {
  lexicon: Lexicon;
  officialParts: ReadonlySet<string>;
  protectedRanges: readonly Range[];
  /** The pieces of each e-mail address's local part. */
  emailNames: ReadonlyArray<readonly string[]>;
  compromiseVote: boolean;
  /** Strong name parts of the other documents of the dossier. */
  dossier?: NameSeeds;
  /** Filled with this document's strong name parts. */
  learned?: NameSeeds;
  /** Person-named organisations, streets and places of the other documents of the dossier. */
  dossierKeep?: KeepNames;
  /** Filled with this document's person-named organisations, streets and places. */
  learnedKeep?: KeepNames;
}

const CONFIDENCE: Record<Strength, number> = { 3: 0.95, 2: 0.85, 1: 0.6, 0: 0.35 };

/** Merge candidates over the same tokens: keep the strongest, mention both reasons. */
function mergeSame(cands: Candidate[]): Candidate[] {
  const byspan = new Map<string, Candidate>();
  for (const c of cands) {
    const key = `${c.s}:${c.e}`;
    const old = byspan.get(key);
    if (!old) byspan.set(key, c);
    else if (c.strength > old.strength) byspan.set(key, { ...c, explanation: `${c.explanation}; ${old.explanation}` });
    else if (c.explanation !== old.explanation && !old.explanation.includes(c.explanation)) old.explanation += `; ${c.explanation}`;
  }
  return [...byspan.values()];
}

/** Strongest, then longest, candidates win overlaps (token occupancy keeps this linear). */
function resolve(cands: Candidate[], tokenCount: number): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.strength - a.strength || b.e - b.s - (a.e - a.s) || a.s - b.s);
  const used = new Uint8Array(tokenCount);
  const taken: Candidate[] = [];
  for (const c of sorted) {
    let free = true;
    for (let k = c.s; k <= c.e && free; k++) free = used[k] === 0;
    if (!free) continue;
    used.fill(1, c.s, c.e + 1);
    taken.push(c);
  }
  return taken.sort((a, b) => a.s - b.s);
}

/** Adjacent names on one line ("Reinier" + "van Wijngaarden" from propagation) become one span. */
function joinAdjacent(W: readonly Token[], cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const prev = out[out.length - 1];
    if (prev && prev.e + 1 === c.s && W[c.s]!.start - W[prev.e]!.end === 1 && !W[c.s]!.lineStart) {
      out[out.length - 1] = { ...prev, e: c.e, strength: Math.max(prev.strength, c.strength) as Strength };
    } else out.push(c);
  }
  return out;
}

export function findNames(text: string, opts: NameOptions): Detection[] {
  const W = tokenize(text).filter((t) => t.kind !== 'tag');
  const T = new Tokens(W, opts.lexicon);
  const lexical = lexiconCandidates(T);
  let cands = mergeSame([...lexical, ...contextCandidates(T, lexical), ...shapeCandidates(T, lexical)]);
  const filterCtx = { W, L: opts.lexicon, officialParts: opts.officialParts, protectedRanges: opts.protectedRanges };
  const { orgTokens, officialTokens } = applyFilters(cands, filterCtx);
  const keepNames = emptyKeepNames();
  learnKeepNames(W, opts.lexicon, keepNames);
  if (opts.learnedKeep) mergeKeepNames(opts.learnedKeep, keepNames);
  if (opts.dossierKeep) mergeKeepNames(keepNames, opts.dossierKeep);
  const personKeys = applyKeepNames(W, cands, keepNames);
  const blocked = new Set([...orgTokens, ...officialTokens, ...opts.officialParts]);
  const added = propagate({ W, L: opts.lexicon, cands, blocked, emailNames: opts.emailNames, dossier: opts.dossier, learned: opts.learned });
  // compromise is slow: it only votes on what the document itself left undecided (votes lift 0 → 1,
  // which neither seeds nor blocks propagation, so the order does not change the outcome)
  if (opts.compromiseVote) compromiseVote(text, W, cands);
  applyFilters(added, filterCtx);
  applyKeepNames(W, added, keepNames, personKeys);
  cands = joinAdjacent(W, resolve([...cands, ...added].filter((c) => !c.drop), W.length));
  return cands.map((c) => {
    const start = W[c.s]!.start;
    const end = W[c.e]!.end;
    return {
      start,
      end,
      text: text.slice(start, end),
      category: 'name' as const,
      confidence: c.rule === 'document' ? 0.8 : CONFIDENCE[c.strength],
      detector: `name/${c.rule}`,
      explanation: c.explanation,
    };
  });
}
