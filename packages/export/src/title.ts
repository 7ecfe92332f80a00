import { overlapShare, type ExtractedDocument, type Redaction } from '@woo/core';
import type { PdfHandle } from '@woo/pdf';
import { normalise, probeCounter, probesOf } from './probes.js';

/* The published PDF keeps the document's own title where that is safe, and otherwise gets the
 * neutral inventory title ("Document 7"). A title is metadata nobody redacts by hand: it can
 * hold the name the body has blacked out ("Klacht J. Jansen") or words that are on no page at
 * all ("Microsoft Word - brief Jansen.docx"), which no detector ever read. */

/** Longer "titles" are text pasted into the field, not a title. */
const MAX_TITLE_LENGTH = 200;
/** Share of a word's box under a redaction box from which the word counts as blacked out. */
const COVERED = 0.3;

/** The original's title: the Info dictionary's /Title, else XMP dc:title; undefined when neither
 * holds text, or the metadata cannot be read (a broken title must not fail the export). */
export async function ownTitle(handle: PdfHandle): Promise<string | undefined> {
  let read;
  try {
    read = await handle.doc.getMetadata();
  } catch {
    return undefined;
  }
  const { info, metadata } = read;
  const fromInfo = (info as { Title?: unknown } | undefined)?.Title;
  for (const candidate of [fromInfo, metadata?.get('dc:title')]) {
    const title = typeof candidate === 'string' ? cleanTitle(candidate) : '';
    if (title) return title;
  }
  return undefined;
}

function cleanTitle(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const tokens = (s: string) => normalise(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The words a reader of the published PDF sees: every read word not under a box of a
 * redaction that is blacked out or still open. */
function visibleTokens(doc: ExtractedDocument, hidden: readonly Redaction[]): Set<string> {
  const out = new Set<string>();
  for (const page of doc.pages) {
    const boxes = hidden.filter((r) => r.page === page.number).flatMap((r) => r.boxes);
    for (const word of page.words) {
      if (boxes.some((b) => overlapShare(word.box, b) > COVERED)) continue;
      for (const t of tokens(word.text)) out.add(t);
    }
  }
  return out;
}

/** The title of the published PDF: the document's own title when it names nothing a redaction
 * takes away (whole words, case-insensitive, as the verifier searches) and every word of it
 * stands readable on a page of the published document; `neutral` otherwise. An open suggestion
 * (where the caller passes one) counts as taken away: the title must not decide what a reviewer
 * has not. */
export function publishedTitle(own: string | undefined, doc: ExtractedDocument, redactions: readonly Redaction[], neutral: string): string {
  const title = own === undefined ? '' : cleanTitle(own);
  if (!title || title.length > MAX_TITLE_LENGTH) return neutral;
  const hidden = redactions.filter((r) => r.status !== 'rejected');
  const text = normalise(title);
  const count = probeCounter(text);
  if (hidden.some((r) => probesOf(r).some((p) => count(p) > 0))) return neutral;
  const visible = visibleTokens(doc, hidden);
  return tokens(title).every((t) => visible.has(t)) ? title : neutral;
}
