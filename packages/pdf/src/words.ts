import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { untrustedFonts } from './font-trust.js';
import { pageGlyphs } from './glyphs.js';
import { wordsFromGlyphs, type FontWord } from './lines.js';

/** Words of the page's text layer, visible or not, with their boxes in displayed-page points
 * (viewport at scale 1: /Rotate and MediaBox origin applied) and whether their fonts can be trusted, in geometric
 * reading order. */
export async function extractFontWords(page: PDFPageProxy): Promise<FontWord[]> {
  const glyphs = await pageGlyphs(page);
  return wordsFromGlyphs(glyphs, untrustedFonts(page, glyphs));
}
