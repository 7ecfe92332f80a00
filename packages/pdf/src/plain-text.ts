import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { boxesOverlap, padBox, type Box } from '@woo/core';
import type { FontWord } from './lines.js';

/* The ink accounting's shortcut. A page that provably paints nothing but visible text of trusted
 * fonts, plus drawings (rules, frames, shapes) that touch no word, needs no rendering of its text:
 * every word of it is visible and every glyph's ink is explained, so rendering could only confirm
 * that. What is left to judge is the drawings' own ink, which could be letters drawn as paths:
 *   - drawings no thicker than THIN_PT in one direction (rules, underlines) cannot hold legible
 *     text and are not rendered at all;
 *   - other drawings are rendered alone, without the text, to look for text-like ink.
 * The proof is an allowlist of operators: anything not on it (an image, an annotation, a clip, a
 * pattern, a form with its clipping box, a graphics state that may change opacity or blending)
 * means the page is rendered in full, as before. */

const { OPS, Util } = pdfjs;

/** Operators that draw nothing themselves or only draw text in the current (checked) state. */
const HARMLESS = new Set<number>([
  OPS.beginText, OPS.endText, OPS.setFont, OPS.setCharSpacing, OPS.setWordSpacing, OPS.setHScale, OPS.setLeading,
  OPS.setTextRise, OPS.moveText, OPS.setLeadingMoveText, OPS.setTextMatrix, OPS.nextLine,
  OPS.setStrokeRGBColor, OPS.beginMarkedContent, OPS.endMarkedContent,
  OPS.dependency, OPS.setLineCap, OPS.setLineJoin, OPS.setDash,
  OPS.setRenderingIntent, OPS.setFlatness,
  OPS.beginCompat, OPS.endCompat, OPS.markPoint, OPS.markPointProps,
]);
const SHOW_TEXT = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
/** How a path may be painted: filled and/or stroked, never used as a clip. */
const PAINT_PATH = new Set<number>([
  OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke,
]);
const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/** Text fill lighter than this (0..255 luminance) may not show on paper: the page is rendered.
 * The ink accounting counts a pixel as painted from 48 levels below white; this keeps a margin. */
const DARKEST_DOUBTFUL = 160;
/** Smaller text may paint nothing at the accounting's resolution (INK_DPI): the page is rendered. */
const MIN_WORD_HEIGHT_PT = 3.5;
/** A drawing at most this thick in one direction holds no legible glyph (the accounting reads
 * glyphs from 2.5 pt up, MIN_WORD_HEIGHT_PT counts a word legible from 3.5 pt). */
const THIN_PT = 2;
/** A drawing this close to a word may touch its glyphs: the page is rendered in full. */
const WORD_MARGIN_PT = 1;
/** Rounding of word boxes at the page edge. */
const EDGE_PT = 0.5;

/** What of a page must be rendered for its ink accounting. */
export type InkNeed =
  /** Nothing: every word is visible and nothing else could be text. */
  | 'nothing'
  /** Only the drawings (the text operators skipped): every word is visible; the drawings' ink may be text. */
  | 'drawings'
  /** The whole page twice, as before the shortcut. */
  | 'everything';

type Matrix = [number, number, number, number, number, number];

function luminance(hex: string): number {
  const v = parseInt(hex.slice(1), 16);
  return (((v >> 16) & 0xff) * 77 + ((v >> 8) & 0xff) * 150 + (v & 0xff) * 29) >> 8;
}

/** pdfjs's path codes (DrawOPS) in a constructPath's data. */
const MOVE_TO = 0, LINE_TO = 1, CLOSE_PATH = 4;

interface PathState {
  ctm: Matrix;
  lineWidth: number;
  miterLimit: number;
}

/** The page-space boxes (points, top-left origin) a path paints. A stroked path of horizontal and
 * vertical segments only (rules, frames, table grids) paints one thin box per segment, grown by
 * half the line width (its caps and square joins stay inside); any other path paints its whole
 * extent, grown by as far as a mitred join may reach. */
function paintedBoxes(data: ArrayLike<number> | null, minMax: ArrayLike<number>, state: PathState, stroked: boolean): Box[] {
  const { ctm } = state;
  // a line width is in user space: its largest stretch under the transform bounds it on the page
  const halfWidth = stroked ? (Math.max(Math.hypot(ctm[0], ctm[1]), Math.hypot(ctm[2], ctm[3])) * Math.max(state.lineWidth, 1)) / 2 : 0;
  const box = (x0: number, y0: number, x1: number, y1: number, grow: number): Box => {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    Util.axialAlignedBoundingBox([Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)], ctm, b);
    return { x: b[0]! - grow, y: b[1]! - grow, width: b[2]! - b[0]! + 2 * grow, height: b[3]! - b[1]! + 2 * grow };
  };
  const segments = stroked && data ? axisAlignedSegments(data) : undefined;
  if (segments) return segments.map(([x0, y0, x1, y1]) => box(x0, y0, x1, y1, halfWidth));
  return [box(minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!, halfWidth * Math.max(state.miterLimit, 1))];
}

/** The segments [x0, y0, x1, y1] of a path of moves, lines and closes that are all horizontal or
 * vertical; undefined for any other path. */
function axisAlignedSegments(data: ArrayLike<number>): [number, number, number, number][] | undefined {
  const out: [number, number, number, number][] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  const lineTo = (toX: number, toY: number) => {
    if (toX !== x && toY !== y) return false;
    out.push([x, y, toX, toY]);
    [x, y] = [toX, toY];
    return true;
  };
  for (let i = 0; i < data.length; ) {
    const code = data[i++];
    if (code === MOVE_TO) [x, y, startX, startY] = [data[i]!, data[i + 1]!, data[i]!, data[i + 1]!];
    else if (code === LINE_TO) {
      if (!lineTo(data[i]!, data[i + 1]!)) return undefined;
    } else if (code === CLOSE_PATH) {
      if (!lineTo(startX, startY)) return undefined;
      continue;
    } else return undefined;
    i += 2;
  }
  return out;
}

/** Decides from the operator list (with annotation appearances) and the words what must be
 * rendered; `page.transform` is the scale-1 viewport transform to page space. */
export function inkNeed(ops: { fnArray: number[]; argsArray: unknown[] }, words: readonly FontWord[], page: { width: number; height: number; transform: number[] }): InkNeed {
  const wordsFit = words.every(({ word, trusted }) => {
    const b = word.box;
    return trusted && b.height >= MIN_WORD_HEIGHT_PT && b.width > 0 && b.x >= -EDGE_PT && b.y >= -EDGE_PT && b.x + b.width <= page.width + EDGE_PT && b.y + b.height <= page.height + EDGE_PT;
  });
  if (!wordsFit) return 'everything';
  const stack: (PathState & { darkFill: boolean })[] = [];
  let state = { ctm: [...page.transform] as Matrix, lineWidth: 1, miterLimit: 10, darkFill: true };
  const drawings: Box[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    if (HARMLESS.has(fn)) continue;
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state.ctm = Util.transform(state.ctm, args as Matrix) as Matrix;
    else if (fn === OPS.setLineWidth && typeof args?.[0] === 'number') state.lineWidth = args[0];
    else if (fn === OPS.setMiterLimit && typeof args?.[0] === 'number') state.miterLimit = args[0];
    else if (fn === OPS.setFillRGBColor && typeof args?.[0] === 'string') state.darkFill = luminance(args[0]) < DARKEST_DOUBTFUL;
    else if (fn === OPS.setTextRenderingMode && args?.[0] === 0) continue;
    else if (fn === OPS.beginMarkedContentProps && args?.[0] !== 'OC') continue;
    else if (SHOW_TEXT.has(fn)) {
      if (!state.darkFill) return 'everything';
    } else if (fn === OPS.constructPath && typeof args?.[0] === 'number' && PAINT_PATH.has(args[0])) {
      const [path] = args[1] as [ArrayLike<number> | null];
      const minMax = args[2] as ArrayLike<number> | null;
      if (minMax) drawings.push(...paintedBoxes(path, minMax, state, STROKES.has(args[0])));
    } else return 'everything';
  }
  const wordAreas = words.map(({ word }) => padBox(word.box, WORD_MARGIN_PT));
  if (drawings.some((d) => wordAreas.some((w) => boxesOverlap(d, w)))) return 'everything';
  return drawings.every((d) => Math.min(d.width, d.height) <= THIN_PT) ? 'nothing' : 'drawings';
}
