/**
 * The detector: structured recognizers first (each masks what it finds), then the name rules on
 * the masked text, then the coordinator's keep / redact lists.
 */
import type { Detection } from '@woo/core';
import { fold, getLexicon, lexiconStatus, PARTICLES } from './lexicon/index.js';
import { findNames } from './names/index.js';
import { officialPartsOf, type Range } from './names/filters.js';
import { learnOrgDomains, localPartTokens, MASK_CHAR, RECOGNIZERS } from './recognizers/index.js';
import { addressesBehindNames, homeStreets, repeatAddresses } from './recognizers/address.js';
import { emptySeeds } from './names/consistency.js';
import { emptyKeepNames, mergeKeepNames } from './names/keep-names.js';
import type { Detector, DetectorOptions, Dossier, DossierKnowledge, Finding } from './types.js';
import { withMisreadLetters } from './ocr-letters.js';

/** Which lexicon mode a detector uses when the options do not say: WOO_LEXICONS=builtin|system. */
function lexiconModeFromEnv(): 'system' | 'builtin' | undefined {
  const v = process.env.WOO_LEXICONS?.trim().toLowerCase();
  return v === 'builtin' || v === 'system' ? v : undefined;
}

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
  const requested = options.lexicons ?? lexiconModeFromEnv();
  const lexicon = getLexicon(requested);
  const status = lexiconStatus(requested, lexicon.mode);
  const officials = (options.officials ?? []).map((s) => s.trim()).filter(Boolean);
  const officialParts = officialPartsOf(officials, PARTICLES);
  const givenDomains = (options.orgDomains ?? []).map((d) => fold(d.replace(/^@/, '')));
  const keep = [...(options.keep ?? []), ...(options.orgs ?? [])].filter((s) => s.trim());
  const redact = (options.redact ?? []).filter((s) => s.trim());
  const vote = options.compromiseVote ?? true;

  function run(text: string, dossier?: DossierKnowledge, learned?: DossierKnowledge): Detection[] {
    const ownDomains = [...learnOrgDomains(text)];
    learned?.orgDomains.push(...ownDomains);
    const orgDomains = new Set([...givenDomains, ...ownDomains, ...(dossier?.orgDomains ?? [])]);
    let masked = withMisreadLetters(text);
    const structured: Finding[] = [];
    for (const r of RECOGNIZERS) {
      const found = r.find(masked, { orgDomains });
      structured.push(...found);
      masked = mask(masked, found);
    }
    const addresses = structured.filter((f) => f.category === 'address');
    if (learned) for (const k of homeStreets(text, addresses)) learned.homeStreets.add(k);
    if (dossier?.homeStreets.size) {
      // a home address found in another document of the dossier
      const again = repeatAddresses(masked, addresses, dossier.homeStreets).map((f) => ({ ...f, text: text.slice(f.start, f.end), explanation: 'zelfde woonadres als in een ander document van het dossier' }));
      structured.push(...again);
      masked = mask(masked, again);
    }
    const emailNames = structured.filter((f) => f.category === 'email').map((f) => localPartTokens(text.slice(f.mask[0], f.mask[1]).split('@')[0]!));
    const keepRanges = keep.flatMap((k) => occurrences(text, k));
    // an official's full name stays visible as a whole, whatever the case of its particles
    const protectedRanges = [...keepRanges, ...officials.filter((o) => /\s/.test(o)).flatMap((o) => occurrences(text, o))];
    let names = findNames(masked, { lexicon, officialParts, protectedRanges, emailNames, compromiseVote: vote, dossier: dossier?.names, learned: learned?.names, dossierKeep: dossier?.keepNames, learnedKeep: learned?.keepNames });
    // "Fleur Jansen (Kastanjeweg 12-2)": only the name says whose address the bracket holds
    const behind = addressesBehindNames(text, names, (street) => lexicon.isStreet(fold(street))).filter((a) => !structured.some((f) => f.start < a.end && a.start < f.end));
    if (behind.length) {
      structured.push(...behind);
      names = names.filter((n) => !behind.some((a) => a.start < n.end && n.start < a.end));
      if (learned) for (const k of homeStreets(text, behind)) learned.homeStreets.add(k);
    }
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
    widenEmailsByNames(text, structured, names);
    const inside = (d: Detection, rs: readonly Range[]) => rs.some((r) => r.start <= d.start && d.end <= r.end);
    const all: Detection[] = [
      ...listed,
      ...[...structured, ...names].filter((d) => !inside(d, keepRanges) && !inside(d, listed)).map(({ start, end, text: t, category, confidence, detector, explanation }) => ({ start, end, text: t, category, confidence, detector, explanation })),
    ];
    return all.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  const newKnowledge = (): DossierKnowledge => ({ names: emptySeeds(), orgDomains: [], homeStreets: new Set(), keepNames: emptyKeepNames() });
  function merge(into: DossierKnowledge, k: DossierKnowledge): void {
    for (const key of k.names.keys) into.names.keys.add(key);
    for (const [key, ps] of k.names.particles) {
      const set = into.names.particles.get(key) ?? new Set<string>();
      for (const p of ps) set.add(p);
      into.names.particles.set(key, set);
    }
    into.orgDomains.push(...k.orgDomains);
    for (const h of k.homeStreets) into.homeStreets.add(h);
    mergeKeepNames(into.keepNames, k.keepNames);
  }

  function dossier(): Dossier {
    const knowledge = newKnowledge();
    return {
      learn(text: string): void {
        const k = newKnowledge();
        run(text, undefined, k);
        merge(knowledge, k);
      },
      detect: (text: string) => run(text, knowledge),
      knowledge,
    };
  }

  return {
    detect: (text: string) => run(text),
    dossier,
    detectBatch(texts: readonly string[]): Detection[][] {
      const d = dossier();
      for (const t of texts) d.learn(t);
      return texts.map((t) => d.detect(t));
    },
    lexiconMode: lexicon.mode,
    lexicon: status,
  };
}

/** OCR often reads the "_" of "zeynep_postma@…" as a space: a lower-case word right before an
 * e-mail address that is a name part of a person named in the document belongs to the address. */
function widenEmailsByNames(text: string, structured: Finding[], names: readonly Detection[]): void {
  const parts = new Set(names.filter((n) => n.confidence >= 0.5).flatMap((n) => n.text.split(/[\s-]+/).map(fold)));
  for (const f of structured) {
    if (f.category !== 'email') continue;
    const before = /(?<![\p{L}\d._%+'-])(\p{Ll}[\p{Ll}'-]{2,})[ \t]$/u.exec(text.slice(Math.max(0, f.start - 40), f.start));
    if (!before || !parts.has(fold(before[1]!))) continue;
    f.start -= before[0].length;
    f.text = text.slice(f.start, f.end);
  }
}

/** One full name or surname per line; '#' starts a comment; blank lines are ignored. */
export function parseOfficialsList(fileText: string): string[] {
  return fileText
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}
