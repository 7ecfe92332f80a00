/**
 * The detector: structured recognizers first (each masks what it finds), then the name rules on
 * the masked text, then the coordinator's keep / redact lists.
 */
import type { Detection } from '@woo/core';
import { fold, getLexicon, PARTICLES } from './lexicon/index.js';
import { findNames } from './names/index.js';
import { officialPartsOf, type Range } from './names/filters.js';
import { learnOrgDomains, localPartTokens, MASK_CHAR, RECOGNIZERS } from './recognizers/index.js';
import type { Detector, DetectorOptions, Finding } from './types.js';

/** Whole-word, case-insensitive occurrences of a phrase; any run of whitespace (a line break too)
 * between its words. */
function occurrences(text: string, phrase: string): Range[] {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const body = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const re = new RegExp(`(?<![\\p{L}\\d])${body}(?![\\p{L}\\d])`, 'giu');
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function mask(text: string, findings: readonly Finding[]): string {
  if (!findings.length) return text;
  const parts: string[] = [];
  let pos = 0;
  for (const f of [...findings].sort((a, b) => a.mask[0] - b.mask[0])) {
    const from = Math.max(pos, f.mask[0]);
    if (f.mask[1] <= from) continue;
    parts.push(text.slice(pos, from));
    // line and page breaks survive masking: the name rules need the line structure
    parts.push(text.slice(from, f.mask[1]).replace(/[^\n\f]/g, MASK_CHAR));
    pos = f.mask[1];
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

export function createDetector(options: DetectorOptions = {}): Detector {
  const lexicon = getLexicon(options.lexicons);
  const officials = (options.officials ?? []).map((s) => s.trim()).filter(Boolean);
  const officialParts = officialPartsOf(officials, PARTICLES);
  const givenDomains = (options.orgDomains ?? []).map((d) => fold(d.replace(/^@/, '')));
  const keep = [...(options.keep ?? []), ...(options.orgs ?? [])].filter((s) => s.trim());
  const redact = (options.redact ?? []).filter((s) => s.trim());
  const vote = options.compromiseVote ?? true;

  function detect(text: string): Detection[] {
    const orgDomains = new Set([...givenDomains, ...learnOrgDomains(text)]);
    let masked = text;
    const structured: Finding[] = [];
    for (const r of RECOGNIZERS) {
      const found = r.find(masked, { orgDomains });
      structured.push(...found);
      masked = mask(masked, found);
    }
    const emailTokens = new Set<string>();
    for (const f of structured) {
      if (f.category === 'email') for (const t of localPartTokens(text.slice(f.mask[0], f.mask[1]).split('@')[0]!)) emailTokens.add(t);
    }
    const keepRanges = keep.flatMap((k) => occurrences(text, k));
    // an official's full name stays visible as a whole, whatever the case of its particles
    const protectedRanges = [...keepRanges, ...officials.filter((o) => /\s/.test(o)).flatMap((o) => occurrences(text, o))];
    const names = findNames(masked, { lexicon, officialParts, protectedRanges, emailTokens, compromiseVote: vote });
    const listed: Detection[] = redact.flatMap((r) =>
      occurrences(text, r).map((o) => ({
        ...o,
        text: text.slice(o.start, o.end),
        category: 'manual' as const,
        confidence: 1,
        detector: 'list/redact',
        explanation: "staat op de lijst 'altijd lakken'",
      })),
    );
    const inside = (d: Detection, rs: readonly Range[]) => rs.some((r) => r.start <= d.start && d.end <= r.end);
    const all: Detection[] = [
      ...listed,
      ...[...structured, ...names].filter((d) => !inside(d, keepRanges) && !inside(d, listed)).map(({ start, end, text: t, category, confidence, detector, explanation }) => ({ start, end, text: t, category, confidence, detector, explanation })),
    ];
    return all.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  return { detect, lexiconMode: lexicon.mode };
}

/** One full name or surname per line; '#' starts a comment; blank lines are ignored. */
export function parseOfficialsList(fileText: string): string[] {
  return fileText
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}
