import { PERSONAL_DATA_GROUND, type Box, type Category, type ExtractedDocument, type Redaction, type Word } from '@woo/core';
import { hasOcrWords, isLowConfidencePage } from '@woo/publication';
import { LOW_CONFIDENCE } from '@woo/ocr';

/* What OCR was unsure of goes to a reviewer, never silently through: a name that OCR read as
 * "Jansscn" or an e-mail address with a smudged "@" is missed by the detectors, but the word is
 * still there, with a low confidence. */

/** Word confidence (0..100) below which an OCR word counts as uncertain. */
export const LOW_WORD_CONFIDENCE = LOW_CONFIDENCE;
/** Confidence of a suggestion made for an uncertain word: below WEAK_HINT_THRESHOLD (@woo/core), so the
 * unattended policy never blacks it out by itself and it stays open for the reviewer. */
export const UNCERTAIN_WORD_CONFIDENCE = 0.3;
export const UNCERTAIN_WORD_DETECTOR = 'ocr/low-confidence';

export { hasOcrWords, isLowConfidencePage, LOW_PAGE_CONFIDENCE, ocrPageSummaries, type OcrPageSummary } from '@woo/publication';

/** What an uncertain word looks like, when it looks like personal data. */
export function uncertainKind(text: string): { category: Category; explanation: string } | undefined {
  const t = text.replace(/^[("'‘“[]+|[)"'’”\],.;:!?]+$/gu, '');
  if (t.includes('@') && t.length >= 3) {
    return { category: 'email', explanation: 'onzeker herkend woord dat op (een deel van) een e-mailadres lijkt' };
  }
  const digits = (t.match(/\d/g) ?? []).length;
  if (digits >= 5 || (digits >= 3 && /^[+(]?\d[\d\s()+-]*$/.test(t) && /[+()-]/.test(t))) {
    return { category: 'phone', explanation: 'onzeker herkend woord met veel cijfers (mogelijk telefoonnummer of ander nummer)' };
  }
  if (isNameLike(t)) return { category: 'name', explanation: 'onzeker herkend woord dat op een naam lijkt' };
  return undefined;
}

/** Capitalised words of the language that are never names, so a poor reading of "Geachte" does
 * not send the reviewer hunting. Lower case, without diacritics. */
const NOT_NAMES = new Set(
  (
    'aan al als bij dat de deze die dit door een en er geachte beste groet hallo hartelijke het hij hoi ik in is je ' +
    'maar met mijn na naar niet nog of om onder op over te ter tot u uw van vanaf voor wat we wij ze zij zijn ' +
    'datum onderwerp verzonden kenmerk betreft bijlage bijlagen pagina telefoon email mail tel aanwezig afwezig ' +
    'gemeente dhr mevr mw heer mevrouw met vriendelijke'
  ).split(' '),
);

function isNameLike(text: string): boolean {
  // "Jansen", "Doğan", "El-Idrissi", "O'Neill", "JANSEN" — letters with at most inner hyphens/apostrophes
  if (!/^\p{Lu}[\p{L}'’-]*\p{L}$/u.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  return !NOT_NAMES.has(text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
}

/**
 * The review step after detection on OCR'd pages:
 * - a redaction that covers an uncertain word (or lies on a page read poorly) needs review: OCR
 *   may have misread where the personal data ends;
 * - an uncertain word that looks like a name, an e-mail address or a phone number and that no
 *   redaction covers becomes a weak suggestion (detector `ocr/low-confidence`) that the reviewer
 *   sees in the report; the unattended policy does not black it out.
 * Redactions on text-layer pages are returned unchanged.
 */
export function reviewOcrUncertainty(doc: ExtractedDocument, redactions: readonly Redaction[]): Redaction[] {
  const out = redactions.map((r) => ({ ...r }));
  let next = nextIdNumber(redactions);
  for (const page of doc.pages) {
    if (!hasOcrWords(page)) continue;
    const onPage = out.filter((r) => r.page === page.number);
    const lowPage = isLowConfidencePage(page);
    if (lowPage) for (const r of onPage) r.needsReview = true;
    for (const word of page.words) {
      if (word.confidence === undefined || word.confidence >= LOW_WORD_CONFIDENCE) continue;
      const covering = onPage.filter((r) => r.boxes.some((b) => overlaps(b, word.box)));
      if (covering.length) {
        for (const r of covering) r.needsReview = true;
        continue;
      }
      const kind = uncertainKind(word.text);
      if (!kind) continue;
      out.push(uncertainSuggestion(`r${next++}`, page.number, word, kind));
    }
  }
  return out;
}

function uncertainSuggestion(id: string, page: number, word: Word, kind: { category: Category; explanation: string }): Redaction {
  return {
    id,
    page,
    boxes: [{ ...word.box }],
    text: word.text,
    category: kind.category,
    ground: PERSONAL_DATA_GROUND,
    confidence: UNCERTAIN_WORD_CONFIDENCE,
    detector: UNCERTAIN_WORD_DETECTOR,
    explanation: `${kind.explanation} (OCR-zekerheid ${Math.round(word.confidence ?? 0)}%)`,
    status: 'suggested',
    needsReview: true,
  };
}

function nextIdNumber(redactions: readonly Redaction[]): number {
  let max = 0;
  for (const r of redactions) {
    const n = /^r(\d+)$/.exec(r.id);
    if (n) max = Math.max(max, Number(n[1]));
  }
  return max + 1;
}

/** A redaction box covers a real part of the word: a quarter of its height and some of its width
 * (boxes of the line above or below only graze it). */
function overlaps(box: Box, word: Box): boolean {
  const dx = Math.min(box.x + box.width, word.x + word.width) - Math.max(box.x, word.x);
  const dy = Math.min(box.y + box.height, word.y + word.height) - Math.max(box.y, word.y);
  return dx > 0.1 && dy > 0.25 * Math.min(box.height, word.height);
}
