import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { FontWord } from './lines.js';

/* The ink accounting's shortcut: a page that provably paints nothing but visible text of trusted
 * fonts on blank paper needs no rendering. Every word of it is visible and every ink is explained,
 * so the rendering could only confirm that. The proof is an allowlist of operators: anything not
 * on it (a path, an image, an annotation, a clip, a pattern, a form with its clipping box, a
 * graphics state that may change opacity or blending) means the page is rendered as before. */

const { OPS } = pdfjs;

/** Operators that draw nothing themselves or only draw text in the current (checked) state. */
const HARMLESS = new Set<number>([
  OPS.beginText, OPS.endText, OPS.setFont, OPS.setCharSpacing, OPS.setWordSpacing, OPS.setHScale, OPS.setLeading,
  OPS.setTextRise, OPS.moveText, OPS.setLeadingMoveText, OPS.setTextMatrix, OPS.nextLine,
  OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText,
  OPS.save, OPS.restore, OPS.transform, OPS.setStrokeRGBColor, OPS.beginMarkedContent, OPS.endMarkedContent,
  OPS.dependency, OPS.setLineWidth, OPS.setLineCap, OPS.setLineJoin, OPS.setMiterLimit, OPS.setDash,
  OPS.setRenderingIntent, OPS.setFlatness,
  OPS.beginCompat, OPS.endCompat, OPS.markPoint, OPS.markPointProps,
]);

/** Text fill lighter than this (0..255 luminance) may not show on paper: the page is rendered.
 * The ink accounting counts a pixel as painted from 48 levels below white; this keeps a margin. */
const DARKEST_DOUBTFUL = 160;
/** Smaller text may paint nothing at the accounting's resolution (INK_DPI): the page is rendered. */
const MIN_WORD_HEIGHT_PT = 3.5;
/** Rounding of word boxes at the page edge. */
const EDGE_PT = 0.5;

function luminance(hex: string): number {
  const v = parseInt(hex.slice(1), 16);
  return (((v >> 16) & 0xff) * 77 + ((v >> 8) & 0xff) * 150 + (v & 0xff) * 29) >> 8;
}

/** True when the page's operators only draw text, filled (render mode 0) in dark colours, outside
 * any optional-content group, and its words are all trusted, legible in size and on the page. */
export function paintsOnlyVisibleText(ops: { fnArray: number[]; argsArray: unknown[] }, words: readonly FontWord[], width: number, height: number): boolean {
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    if (HARMLESS.has(fn)) continue;
    if (fn === OPS.setFillRGBColor && typeof args?.[0] === 'string' && luminance(args[0]) < DARKEST_DOUBTFUL) continue;
    if (fn === OPS.setTextRenderingMode && args?.[0] === 0) continue;
    if (fn === OPS.beginMarkedContentProps && args?.[0] !== 'OC') continue;
    return false;
  }
  return words.every(({ word, trusted }) => {
    const b = word.box;
    return trusted && b.height >= MIN_WORD_HEIGHT_PT && b.width > 0 && b.x >= -EDGE_PT && b.y >= -EDGE_PT && b.x + b.width <= width + EDGE_PT && b.y + b.height <= height + EDGE_PT;
  });
}
