import type { Category, Detection } from '@woo/core';
import type { LexiconMode, LexiconStatus } from './lexicon/index.js';
import type { KeepNames } from './names/keep-names.js';

export interface DetectorOptions {
  /** Public officials whose names stay visible: full names or surnames ("Femke Halsema", "Halsema"). */
  officials?: string[];
  /** E-mail domains of the organisation: only the local part of their addresses is personal data. */
  orgDomains?: string[];
  /** Coordinator list: words or phrases that always stay visible. */
  keep?: string[];
  /** Coordinator list: words or phrases that are always redacted. */
  redact?: string[];
  /** Organisation names that stay visible ("Verwey-Jonker Instituut", "Movisie"). */
  orgs?: string[];
  /** 'system' uses the frogdata / wdutch gazetteers when installed (default), 'builtin' only the
   * project's lists. Without this option the environment variable WOO_LEXICONS (builtin|system) decides. */
  lexicons?: 'system' | 'builtin';
  /** Let compromise vote on name candidates the rules leave undecided (default true). */
  compromiseVote?: boolean;
}

/** What the documents of a dossier teach about each other: name parts found with certainty (strong
 * mentions only, never propagated ones), the organisation's e-mail domains, home addresses and the
 * organisations, streets and places named after people. */
export interface DossierKnowledge {
  names: { keys: Set<string>; particles: Map<string, Set<string>> };
  orgDomains: string[];
  homeStreets: Set<string>;
  /** Names of people that name an organisation, street or place ("Verwey-Jonker Instituut"): kept in every document. */
  keepNames: KeepNames;
}

/** Two-pass batch consistency: `learn` every document of the dossier first, then `detect` each. */
export interface Dossier {
  learn(text: string): void;
  /** Like Detector.detect, plus what the learned documents know ("zelfde naam als in een ander document van het dossier"). */
  detect(text: string): Detection[];
  readonly knowledge: DossierKnowledge;
}

export interface Detector {
  /** One document on its own. */
  detect(text: string): Detection[];
  /** A dossier: `detectBatch(texts)[i]` are the detections of `texts[i]`, with names, organisation
   * domains and home addresses found with certainty in any of the texts looked for in all of them. */
  detectBatch(texts: readonly string[]): Detection[][];
  /** The same in two passes, for pipelines that see the documents one at a time. */
  dossier(): Dossier;
  /** Which lexicon is in use ('system' falls back to 'builtin' when the gazetteers are missing). */
  readonly lexiconMode: LexiconMode;
  /** The mode in use, the mode asked for and a Dutch warning for every missing word list. */
  readonly lexicon: LexiconStatus;
}

/** What a structured recognizer found. `mask` is the whole entity (hidden from later recognizers and
 * the name rules); the detection itself may be narrower (the local part of an organisation e-mail). */
export interface Finding extends Detection {
  mask: readonly [number, number];
}

export interface RecognizerContext {
  /** Folded e-mail domains of the organisation (given, or learned from the text). */
  orgDomains: ReadonlySet<string>;
}

/** A pattern recognizer in the Presidio sense: one category, patterns, context words, validation. */
export interface Recognizer {
  readonly name: string;
  readonly category: Category;
  /** Words that must (or may) stand near a match; see each recognizer for how it uses them. */
  readonly context: readonly string[];
  find(text: string, ctx: RecognizerContext): Finding[];
}
