import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Word } from '@woo/core';
import { fontAdvances, measuredAdvance, type AdvanceTable } from './widths.js';

type Point = [number, number];

const WHITESPACE = /\s/u;
// Merging rules between consecutive text items (in em of the item's font size): an item continues
// the current word when it sits on the same baseline right after it, with no space in between.
const MAX_BASELINE_SHIFT_EM = 0.3;
const MAX_GAP_EM = 0.25;
const MAX_OVERLAP_EM = 0.5;

interface Pending {
  text: string;
  dir: Point;
  /** End of the last glyph on the baseline, user space. */
  end: Point;
  /** Glyph boxes in viewport space: min/max x and y. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Viewport x of each character boundary on the baseline (per UTF-16 unit, plus the end). */
  edges: number[];
}

// pdfjs reports NaN metrics for some standard fonts (Times); these cover accents and descenders
// of typical Latin fonts, which is what a redaction box must hide.
const DEFAULT_ASCENT = 0.9;
const DEFAULT_DESCENT = -0.22;
const finiteOr = (v: number | undefined, fallback: number) => (v !== undefined && Number.isFinite(v) ? v : fallback);

const round = (v: number) => Math.round(v * 100) / 100;

/** Words with their boxes in displayed-page points (viewport at scale 1: /Rotate and MediaBox
 * origin applied), read from the pdfjs text layer.
 *
 * pdfjs gives exact geometry per text item (a run of glyphs), not per glyph. The item's exact
 * width (which already contains Tc/Tw/Tz and kerning) is distributed over its characters in
 * proportion to their advances in the PDF font's own /Widths, so character edges are good to
 * about a point; words are then cut at whitespace and glued across item boundaries. */
export async function extractWords(page: PDFPageProxy): Promise<Word[]> {
  // The operator list loads the page fonts (with /Widths) into commonObjs. It is cached per
  // intent, so rendering the page later does not parse it again.
  await page.getOperatorList();
  const content = await page.getTextContent();
  const viewport = page.getViewport({ scale: 1 });
  const toView = (p: Point): Point => viewport.convertToViewportPoint(p[0], p[1]) as Point;
  const fontCache = new Map<string, AdvanceTable | null>();
  const words: Word[] = [];
  let cur: Pending | undefined;

  const flush = () => {
    if (cur && cur.text) words.push(toWord(cur));
    cur = undefined;
  };

  for (const raw of content.items) {
    if (!('str' in raw)) continue; // marked-content markers
    const item = raw;
    const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
    const sx = Math.hypot(a, b);
    const sy = Math.hypot(c, d);
    if (!item.str || sx === 0 || sy === 0) {
      if (item.hasEOL) flush();
      continue;
    }
    const dir: Point = [a / sx, b / sx];
    const up: Point = [c / sy, d / sy];
    const style = content.styles[item.fontName];
    const ascent = finiteOr(style?.ascent, DEFAULT_ASCENT) * sy;
    const descent = finiteOr(style?.descent, DEFAULT_DESCENT) * sy;
    const chars = Array.from(item.str);
    const table = fontAdvances(page, item.fontName, fontCache);
    const advances = chars.map((ch) => table?.get(ch) ?? measuredAdvance(ch));
    const total = advances.reduce((s, v) => s + v, 0) || 1;
    const unit = item.width / total;

    if (cur) {
      const dx = e - cur.end[0];
      const dy = f - cur.end[1];
      const along = dx * cur.dir[0] + dy * cur.dir[1];
      const across = Math.abs(-dx * cur.dir[1] + dy * cur.dir[0]);
      const turned = Math.abs(dir[0] * cur.dir[0] + dir[1] * cur.dir[1] - 1) > 1e-3;
      if (turned || WHITESPACE.test(chars[0]!) || across > MAX_BASELINE_SHIFT_EM * sy || along > MAX_GAP_EM * sy || along < -MAX_OVERLAP_EM * sy) {
        flush();
      }
    }

    let t = 0;
    chars.forEach((ch, i) => {
      const start: Point = [e + t * dir[0], f + t * dir[1]];
      t += advances[i]! * unit;
      const end: Point = [e + t * dir[0], f + t * dir[1]];
      if (WHITESPACE.test(ch)) {
        flush();
        return;
      }
      const corners = [start, end].flatMap((p) => [
        toView([p[0] + up[0] * descent, p[1] + up[1] * descent]),
        toView([p[0] + up[0] * ascent, p[1] + up[1] * ascent]),
      ]);
      const startX = toView(start)[0];
      const endX = toView(end)[0];
      cur ??= { text: '', dir, end, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, edges: [startX] };
      for (const [x, y] of corners) {
        cur.x0 = Math.min(cur.x0, x);
        cur.y0 = Math.min(cur.y0, y);
        cur.x1 = Math.max(cur.x1, x);
        cur.y1 = Math.max(cur.y1, y);
      }
      // a character outside the BMP is two UTF-16 units; both map to the whole glyph
      for (let u = 1; u < ch.length; u++) cur.edges.push(endX);
      cur.edges.push(endX);
      cur.text += ch;
      cur.end = end;
    });
    if (item.hasEOL) flush();
  }
  flush();
  return words;
}

function toWord(p: Pending): Word {
  const box = { x: round(p.x0), y: round(p.y0), width: round(p.x1 - p.x0), height: round(p.y1 - p.y0) };
  const increasing = p.edges.every((x, i) => i === 0 || x >= p.edges[i - 1]! - 0.01);
  // Text that does not run left to right on the displayed page (vertical, upside down) has no
  // meaningful x edges; spread them evenly so charEdges keeps its left-to-right contract.
  const n = p.text.length;
  const edges = increasing
    ? p.edges.map((x) => round(Math.min(Math.max(x, p.x0), p.x1)))
    : Array.from({ length: n + 1 }, (_, i) => round(p.x0 + ((p.x1 - p.x0) * i) / n));
  edges[0] = box.x;
  edges[n] = round(p.x0 + (p.x1 - p.x0));
  return { text: p.text, box, charEdges: edges };
}
