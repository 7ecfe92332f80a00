import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { boxesOverlap, padBox, type Box } from '@woo/core';
import { glyphAscent, glyphDescent } from './glyphs.js';
import type { FontWord } from './lines.js';

/* The ink accounting's shortcut. A page that provably paints nothing but visible text of trusted
 * fonts, plus drawings (rules, frames, shapes) that touch no word, needs no rendering of its text:
 * every word of it is visible and every glyph's ink is explained, so rendering could only confirm
 * that. What is left to judge is the drawings' own ink, which could be letters drawn as paths:
 *   - drawings no thicker than THIN_PT in one direction (rules, underlines) cannot hold legible
 *     text, and light fills paint nothing the accounting counts as ink: neither is rendered;
 *   - other drawings are rendered alone, without the text, to look for text-like ink.
 * A drawing that touches a word is allowed only as a light fill painted before any text that
 * could lie under it (a shaded table header or row): the text painted on it later stays legible.
 * Which text came before is known from the text state, tracked only as far as the band across
 * the line that each text run can occupy.
 * The proof is an allowlist of operators: anything not on it (an image, an annotation, a clip, a
 * pattern, a form with its clipping box, a graphics state that may change opacity or blending)
 * means the page is rendered in full, as before. */

const { OPS, Util } = pdfjs;

/** Operators that draw nothing themselves or only draw text in the current (checked) state. */
const HARMLESS = new Set<number>([
  OPS.endText, OPS.setCharSpacing, OPS.setWordSpacing, OPS.setHScale, OPS.setStrokeRGBColor, OPS.beginMarkedContent, OPS.endMarkedContent,
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
/** A fill at least this light paints no ink the accounting counts (48 levels below white), and
 * text of the darkness above stands out from it by as much. */
const LIGHT_FILL = 208;

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
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** What of a font decides where its glyphs can lie across the line. */
export interface FontShape {
  vertical?: boolean;
  fontMatrix?: number[];
  ascent?: number;
  descent?: number;
}

/** The page's fonts as pdfjs loaded them (after its operator list). */
export function pageFonts(page: PDFPageProxy): (name: string) => FontShape | undefined {
  return (name) => {
    try {
      return page.commonObjs.get(name) as FontShape | undefined;
    } catch {
      return undefined;
    }
  };
}

/** Where a text run may have put ink on the page: a band across the whole page along one axis
 * (the run's own extent along its line is not tracked), or anywhere. */
type Band = { axis: 'x' | 'y'; from: number; to: number } | 'anywhere';

function bandHolds(band: Band, box: Box): boolean {
  if (band === 'anywhere') return true;
  const [from, to] = band.axis === 'y' ? [box.y, box.y + box.height] : [box.x, box.x + box.width];
  return from < band.to + WORD_MARGIN_PT && to > band.from - WORD_MARGIN_PT;
}

/** The text state as far as it decides the band of a run: pdfjs's canvas keeps the same. */
interface TextState {
  textMatrix: Matrix;
  lineY: number;
  leading: number;
  rise: number;
  size: number;
  font?: FontShape;
}

function isMatrix(value: unknown): value is ArrayLike<number> {
  return typeof value === 'object' && value !== null && (value as ArrayLike<number>).length === 6;
}

function isPlainFontMatrix(m: number[] | undefined): boolean {
  return !m || (m[1] === 0 && m[2] === 0 && Math.abs(m[3]! - 0.001) < 1e-9 && m[0]! > 0);
}

/** The band of a run shown in `text` under `ctm`. */
function runBand(ctm: Matrix, text: TextState): Band {
  if (!text.font || text.font.vertical || !isPlainFontMatrix(text.font.fontMatrix)) return 'anywhere';
  const m = Util.transform(ctm, text.textMatrix) as Matrix;
  // the font's ascent and descent, as the word boxes have them (glyphs.ts); a negative size turns
  // the glyphs upside down
  const [ascent, descent] = [glyphAscent(text.font.ascent), glyphDescent(text.font.descent)];
  const y0 = text.lineY + text.rise + (text.size < 0 ? -ascent : descent) * Math.abs(text.size);
  const y1 = text.lineY + text.rise + (text.size < 0 ? -descent : ascent) * Math.abs(text.size);
  // page point of text-space (x, y): (m0 x + m2 y + m4, m1 x + m3 y + m5); x is left open
  if (m[1] === 0 && m[2] === 0) return { axis: 'y', from: Math.min(m[3] * y0, m[3] * y1) + m[5], to: Math.max(m[3] * y0, m[3] * y1) + m[5] };
  if (m[0] === 0 && m[3] === 0) return { axis: 'x', from: Math.min(m[2] * y0, m[2] * y1) + m[4], to: Math.max(m[2] * y0, m[2] * y1) + m[4] };
  return 'anywhere';
}

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

/** A drawing's painted area, and whether it is a light fill (no ink of its own) laid down before
 * any text that may lie under it. */
interface Drawing {
  box: Box;
  light: boolean;
  underText: boolean;
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
 * rendered; `page.transform` is the scale-1 viewport transform to page space; `fontOf` gives the
 * page's fonts by their pdfjs name. */
export function inkNeed(
  ops: { fnArray: number[]; argsArray: unknown[] },
  words: readonly FontWord[],
  page: { width: number; height: number; transform: number[] },
  fontOf: (name: string) => FontShape | undefined,
): InkNeed {
  const wordsFit = words.every(({ word, trusted }) => {
    const b = word.box;
    return trusted && b.height >= MIN_WORD_HEIGHT_PT && b.width > 0 && b.x >= -EDGE_PT && b.y >= -EDGE_PT && b.x + b.width <= page.width + EDGE_PT && b.y + b.height <= page.height + EDGE_PT;
  });
  if (!wordsFit) return 'everything';
  const stack: (typeof state)[] = [];
  let state = { ctm: [...page.transform] as Matrix, lineWidth: 1, miterLimit: 10, fill: 0, text: { textMatrix: IDENTITY, lineY: 0, leading: 0, rise: 0, size: 0 } as TextState };
  const shown: Band[] = [];
  const drawings: Drawing[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    const text = state.text;
    if (HARMLESS.has(fn)) continue;
    if (fn === OPS.save) stack.push({ ...state, text: { ...text } });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state.ctm = Util.transform(state.ctm, args as Matrix) as Matrix;
    else if (fn === OPS.setLineWidth && typeof args?.[0] === 'number') state.lineWidth = args[0];
    else if (fn === OPS.setMiterLimit && typeof args?.[0] === 'number') state.miterLimit = args[0];
    else if (fn === OPS.setFillRGBColor && typeof args?.[0] === 'string') state.fill = luminance(args[0]);
    else if (fn === OPS.setTextRenderingMode && args?.[0] === 0) continue;
    else if (fn === OPS.beginMarkedContentProps && args?.[0] !== 'OC') continue;
    else if (fn === OPS.beginText) state.text = { ...text, textMatrix: IDENTITY, lineY: 0 };
    else if (fn === OPS.setTextMatrix && isMatrix(args?.[0])) state.text = { ...text, textMatrix: Array.from(args[0]) as Matrix, lineY: 0 };
    else if (fn === OPS.setFont && typeof args?.[0] === 'string' && typeof args[1] === 'number') state.text = { ...text, font: fontOf(args[0]), size: args[1] };
    else if (fn === OPS.setLeading && typeof args?.[0] === 'number') state.text = { ...text, leading: -args[0] };
    else if (fn === OPS.setTextRise && typeof args?.[0] === 'number') state.text = { ...text, rise: args[0] };
    else if (fn === OPS.moveText && typeof args?.[1] === 'number') state.text = { ...text, lineY: text.lineY + args[1] };
    else if (fn === OPS.setLeadingMoveText && typeof args?.[1] === 'number') state.text = { ...text, leading: args[1], lineY: text.lineY + args[1] };
    else if (fn === OPS.nextLine) state.text = { ...text, lineY: text.lineY + text.leading };
    else if (SHOW_TEXT.has(fn)) {
      if (state.fill >= DARKEST_DOUBTFUL) return 'everything';
      shown.push(runBand(state.ctm, text));
    } else if (fn === OPS.constructPath && typeof args?.[0] === 'number' && PAINT_PATH.has(args[0])) {
      const [path] = args[1] as [ArrayLike<number> | null];
      const minMax = args[2] as ArrayLike<number> | null;
      if (!minMax) continue;
      const light = !STROKES.has(args[0]) && state.fill >= LIGHT_FILL;
      for (const box of paintedBoxes(path, minMax, state, STROKES.has(args[0]))) {
        drawings.push({ box, light, underText: light && !shown.some((band) => bandHolds(band, box)) });
      }
    } else return 'everything';
  }
  const wordAreas = words.map(({ word }) => padBox(word.box, WORD_MARGIN_PT));
  if (drawings.some((d) => !d.underText && wordAreas.some((w) => boxesOverlap(d.box, w)))) return 'everything';
  return drawings.every((d) => d.light || Math.min(d.box.width, d.box.height) <= THIN_PT) ? 'nothing' : 'drawings';
}
