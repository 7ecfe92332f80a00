import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageGlyphs } from './glyphs.js';
import { wordsFromGlyphs, type FontWord } from './lines.js';

/** Words of the page's text layer, visible or not, with their boxes in displayed-page points
 * (viewport at scale 1: /Rotate and MediaBox origin applied) and their fonts, in geometric
 * reading order. */
export async function extractFontWords(page: PDFPageProxy): Promise<FontWord[]> {
  return wordsFromGlyphs(await pageGlyphs(page));
}
