import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { FontWord } from './lines.js';
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
const ODD_CHAR = /[\p{Co}\p{Cc}\p{Cs}\uFFFD]/u;

interface FontInfo {
  isType3Font?: boolean;
}

/** Fonts of the page whose words cannot be taken at their word. */
export function untrustedFonts(page: PDFPageProxy, words: readonly FontWord[]): Set<string> {
  const byFont = new Map<string, string[]>();
  for (const { word, font } of words) {
    const texts = byFont.get(font);
    if (texts) texts.push(word.text);
    else byFont.set(font, [word.text]);
  }
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
  const { score, transitions } = letterPlausibility(texts);
  if (transitions < MIN_TRANSITIONS) return false;
  return score < GARBAGE_SCORE;
}
