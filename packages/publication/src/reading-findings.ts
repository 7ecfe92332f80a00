import { overlapShare, type ExtractedDocument, type Page, type Word } from '@woo/core';

/* What the reviewer is told about how a document was read: text that is in the file but not
 * visible (never published), and ink that neither the text layer nor OCR could read with
 * confidence (a person must look: it may hold personal data nobody found). */

export type FindingKind = 'hidden-text' | 'unread';

export interface ReadingFinding {
  page: number;
  kind: FindingKind;
  /** Dutch, for the reviewer; never quotes the text. */
  message: string;
}

/** A hidden word lying on a word OCR read is the invisible OCR layer of a scan, not a secret. */
const ON_OCR_WORD = 0.3;

export function readingFindings(doc: ExtractedDocument): ReadingFinding[] {
  const out: ReadingFinding[] = [];
  for (const page of doc.pages) {
    const hidden = concealedWords(page);
    if (hidden.length) {
      out.push({
        page: page.number,
        kind: 'hidden-text',
        message: `Pagina ${page.number}: ${hidden.length === 1 ? 'één woord' : `${hidden.length} woorden`} verborgen tekst in het bestand (wit, afgedekt, weggeknipt of in een verborgen laag). Die tekst is niet zichtbaar en wordt niet gepubliceerd; kijk of het origineel eerder onjuist is gelakt.`,
      });
    }
    const unread = page.unreadRegions?.length ?? 0;
    if (unread) {
      out.push({
        page: page.number,
        kind: 'unread',
        message: `Pagina ${page.number}: ${unread === 1 ? 'een deel' : `${unread} delen`} van de pagina kon${unread === 1 ? '' : 'den'} niet met zekerheid worden gelezen (handschrift, een afbeelding of een slechte scan). Controleer ${unread === 1 ? 'dit deel' : 'deze delen'} zelf op persoonsgegevens.`,
      });
    }
  }
  return out;
}

/** Hidden words that are not simply the invisible OCR layer under a scanned image. */
function concealedWords(page: Page): Word[] {
  const ocr = page.words.filter((w) => w.confidence !== undefined);
  return (page.hiddenWords ?? []).filter((h) => !ocr.some((o) => overlapShare(h.box, o.box) >= ON_OCR_WORD));
}

/** The remark for the inventory: which pages a person must still check, and where hidden text was
 * left out. Empty when the whole document was read with confidence. */
export function findingsRemark(findings: readonly ReadingFinding[]): string {
  const pages = (kind: FindingKind) => [...new Set(findings.filter((f) => f.kind === kind).map((f) => f.page))];
  const parts: string[] = [];
  const unread = pages('unread');
  if (unread.length) parts.push(`Niet alles met zekerheid gelezen: ${pageList(unread)} handmatig controleren`);
  const hidden = pages('hidden-text');
  if (hidden.length) parts.push(`Verborgen tekst niet gepubliceerd: ${pageList(hidden)}`);
  return parts.join('. ');
}

function pageList(pages: number[]): string {
  return pages.length === 1 ? `pagina ${pages[0]}` : `pagina's ${pages.join(', ')}`;
}

/** Pages a person must still look at: parts that could not be read with confidence, and pages OCR
 * read with low confidence as a whole. */
export function pagesToReview(findings: readonly ReadingFinding[], lowConfidencePages: readonly number[] = []): number[] {
  const pages = [...findings.filter((f) => f.kind === 'unread').map((f) => f.page), ...lowConfidencePages];
  return [...new Set(pages)].sort((a, b) => a - b);
}
