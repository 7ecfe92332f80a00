/** @woo/detect: find personal data (ground 5.1.2e) in the text of a Woo document. */
export { createDetector, parseOfficialsList } from './detector.js';
export type { Detector, DetectorOptions, Dossier, DossierKnowledge } from './types.js';
export type { LexiconStatus } from './lexicon/index.js';
export { isValidBsn } from './recognizers/index.js';
export { systemLexiconAvailable } from './lexicon/system.js';
export { addKnowledge, storeKnowledge, type StoredKnowledge } from './knowledge.js';
