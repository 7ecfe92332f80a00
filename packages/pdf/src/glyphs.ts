import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fontAdvances, measuredAdvance } from './widths.js';

export type Point = [number, number];

/** One character as the text layer places it, in displayed-page points (viewport at scale 1). */
export interface Glyph {
  text: string;
  /** Baseline start and end of the glyph's advance. */
  start: Point;
  end: Point;
  /** Corners of the glyph's box from descent to ascent, as x, y pairs in one flat list. */
  corners: number[];
  /** Direction of the baseline on the displayed page, degrees counter-clockwise, in [0, 360). */
  angle: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
  /** pdfjs font id (loadedName), to judge whether a font extracts as itself. */
  font: string;
  /** Whitespace: a word break, never part of a word. */
  space: boolean;
}

// pdfjs reports NaN metrics for some standard fonts (Times); these cover accents and descenders
// of typical Latin fonts, which is what a redaction box must hide.
const DEFAULT_ASCENT = 0.9;
const DEFAULT_DESCENT = -0.22;
const finiteOr = (v: number | undefined, fallback: number) => (v !== undefined && Number.isFinite(v) ? v : fallback);
/** A font's ascent and descent in font sizes, as word boxes span them. */
export const glyphAscent = (ascent: number | undefined) => finiteOr(ascent, DEFAULT_ASCENT);
export const glyphDescent = (descent: number | undefined) => finiteOr(descent, DEFAULT_DESCENT);
const WHITESPACE = /\s/u;

/** Every character of the page's text layer with its own geometry, in content-stream order.
 *
 * pdfjs gives exact geometry per text item (a run of glyphs), not per glyph. The item's exact
 * width (which already contains Tc/Tw/Tz and kerning) is distributed over its characters in
 * proportion to their advances in the PDF font's own /Widths, so character edges are good to
 * about a point. Words and lines are built from these by geometry alone (lines.ts), never from
 * the order in which the file happens to draw them. */
export async function pageGlyphs(page: PDFPageProxy): Promise<Glyph[]> {
  // The operator list loads the page fonts (with /Widths) into commonObjs. It is cached per
  // intent, so rendering the page later does not parse it again.
  await page.getOperatorList();
  const content = await page.getTextContent();
  const viewport = page.getViewport({ scale: 1 });
  const [va, vb, vc, vd, ve, vf] = viewport.transform as [number, number, number, number, number, number];
  // a point of PDF user space on the displayed page (the viewport transform, inlined: this runs
  // for every corner of every glyph)
  const toView = (x: number, y: number): Point => [va * x + vc * y + ve, vb * x + vd * y + vf];
  const glyphs: Glyph[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || !raw.str) continue; // marked-content markers, empty runs
    const [a, b, c, d, e, f] = raw.transform as [number, number, number, number, number, number];
    const sx = Math.hypot(a, b);
    const sy = Math.hypot(c, d);
    if (sx === 0 || sy === 0) continue;
    const [dx, dy] = [a / sx, b / sx];
    const [ux, uy] = [c / sy, d / sy];
    const style = content.styles[raw.fontName];
    const ascent = glyphAscent(style?.ascent) * sy;
    const descent = glyphDescent(style?.descent) * sy;
    const o = toView(e, f);
    const x = toView(e + dx, f + dy);
    const angle = (((Math.atan2(o[1] - x[1], x[0] - o[0]) * 180) / Math.PI) + 360) % 360;
    const size = sy * viewport.scale;
    const chars = Array.from(raw.str);
    const table = fontAdvances(page, raw.fontName);
    const advances = chars.map((ch) => table?.get(ch) ?? measuredAdvance(ch));
    const total = advances.reduce((sum, v) => sum + v, 0) || 1;
    const unit = raw.width / total;
    let t = 0;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const [sx0, sy0] = [e + t * dx, f + t * dy];
      t += advances[i]! * unit;
      const [ex0, ey0] = [e + t * dx, f + t * dy];
      const corners = [
        ...toView(sx0 + ux * descent, sy0 + uy * descent),
        ...toView(sx0 + ux * ascent, sy0 + uy * ascent),
        ...toView(ex0 + ux * descent, ey0 + uy * descent),
        ...toView(ex0 + ux * ascent, ey0 + uy * ascent),
      ];
      glyphs.push({ text: ch, start: toView(sx0, sy0), end: toView(ex0, ey0), corners, angle, size, font: raw.fontName, space: WHITESPACE.test(ch) });
    }
  }
  return glyphs;
}
