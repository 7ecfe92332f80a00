import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Glyph } from './glyphs.js';
import { letterPlausibility } from './letter-model.js';

/* A font "extracts as itself" when the text pdfjs reads from it is what its glyphs show. That
 * fails for Type3 fonts (each glyph is a drawing: any code can draw any letter), for fonts without
 * a usable ToUnicode map (private glyph names, control codes) and for fonts whose map lies. Words
 * in such fonts are not trusted: their ink is read by OCR instead. */

/** Below this mean letter-pair log-probability the text is taken for garbage. Dutch and English
 * prose and names score -2.2 to -3.4; text shifted by one letter -3.6 to -5.6. A false alarm only
 * costs OCR of the font's words. */
const GARBAGE_SCORE = -3.45;
const MIN_TRANSITIONS = 6;
/** Share of characters that no real text is made of (private use, replacement, control). */
const MAX_ODD_SHARE = 0.05;
const MIN_ALNUM_SHARE = 0.3;
const ODD_CHAR = /[\p{Co}\p{Cc}\p{Cs}\uFFFD]/u;

interface FontInfo {
  isType3Font?: boolean;
}

/** Fonts of the page whose text cannot be taken at its word, judged on the words each font
 * writes (runs of its glyphs between spaces). */
export function untrustedFonts(page: PDFPageProxy, glyphs: readonly Glyph[]): Set<string> {
  const byFont = new Map<string, string[]>();
  let run = '';
  glyphs.forEach((g, i) => {
    if (!g.space) run += g.text;
    const next = glyphs[i + 1];
    if (run && (!next || next.space || next.font !== g.font)) {
      const texts = byFont.get(g.font);
      if (texts) texts.push(run);
      else byFont.set(g.font, [run]);
      run = '';
    }
  });
  const out = new Set<string>();
  for (const [font, texts] of byFont) {
    if (isType3(page, font) || looksLikeGarbage(texts)) out.add(font);
  }
  return out;
}

function isType3(page: PDFPageProxy, font: string): boolean {
  try {
    return (page.commonObjs.get(font) as FontInfo | undefined)?.isType3Font === true;
  } catch {
    return true; // a font pdfjs could not load is not one to trust
  }
}

export function looksLikeGarbage(texts: readonly string[]): boolean {
  const chars = [...texts.join('')];
  if (!chars.length) return false;
  if (chars.filter((c) => ODD_CHAR.test(c)).length / chars.length > MAX_ODD_SHARE) return true;
  // text is mostly letters and digits; a font that reads as a row of symbols is mapped wrongly
  if (chars.length >= MIN_TRANSITIONS && chars.filter((c) => /[\p{L}\p{N}]/u.test(c)).length < MIN_ALNUM_SHARE * chars.length) return true;
  const { score, transitions } = letterPlausibility(texts);
  if (transitions < MIN_TRANSITIONS) return false;
  return score < GARBAGE_SCORE;
}
