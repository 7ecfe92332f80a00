import * as mupdf from 'mupdf';
import { overlapShare, padBox, type Box, type Word } from '@woo/core';
import type { PlacedBox } from './cover.js';
import { BOX_PADDING_PT } from './paint.js';

/* The verifier's pixel checks, on renderings of only the boxes' surroundings at low resolution
 * (MuPDF draws a clipped area without rasterising the rest of the page): every box is dark, and
 * none of the ink of the words a box hides is still visible next to it. The second needs the
 * input: the output rendering is compared with the input rendering at each hidden word. */

const SCALE = 1; // 72 dpi: one pixel per point
const DARK_LUMINANCE = 110;
const MIN_DARK_FRACTION = 0.5;
/** Gray levels that count as ink on paper, and as "the same" in both renderings. */
const INK = 255 - 48;
const SAME = 48;
/** A leak is more than noise at the edges: this many pixels and this share of the word's ink. */
const MIN_LEAK_PIXELS = 3;
const MIN_LEAK_SHARE = 0.1;

export interface PixelProblem {
  redactionId: string;
  kind: 'outside-page' | 'not-dark' | 'ink-visible';
  darkShare?: number;
}

/** One box with the words it hides (empty for a box drawn by hand over no word). */
export interface CheckedBox extends PlacedBox {
  hidden: readonly Word[];
}

/** A gray rendering of a page area at SCALE, its top-left pixel at (x0, y0). */
export interface Gray {
  x0: number;
  y0: number;
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

type Area = [number, number, number, number];

function render(page: mupdf.Page, area: Area): Gray {
  const pixmap = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, area, false);
  try {
    pixmap.clear(255);
    const device = new mupdf.DrawDevice(mupdf.Matrix.identity, pixmap);
    try {
      page.run(device, mupdf.Matrix.scale(SCALE, SCALE));
      device.close();
    } finally {
      device.destroy();
    }
    return { x0: area[0], y0: area[1], width: pixmap.getWidth(), height: pixmap.getHeight(), data: pixmap.getPixels().slice() };
  } finally {
    pixmap.destroy();
  }
}

/** The gray level at page pixel (x, y); paper outside the rendered area. */
function at(g: Gray, x: number, y: number): number {
  return x < g.x0 || y < g.y0 || x >= g.x0 + g.width || y >= g.y0 + g.height ? 255 : g.data[(y - g.y0) * g.width + (x - g.x0)]!;
}

/** Share of a slanted word's piece that must lie in a box for the box to be the one hiding it. */
const PIECE_IN_BOX = 0.9;

/** The parts of a hidden word the box is meant to hide. Slanted text: the pieces that lie in the
 * box (each piece has a box of its own; the word's axis-aligned box also holds the neighbouring
 * lines, and the pieces overlap each other). */
function hiddenParts(box: Box, word: Word): Box[] {
  if (word.pieces) return word.pieces.filter((p) => overlapShare(p, box) >= PIECE_IN_BOX);
  return [hiddenPart(box, word)];
}

/** The part of a hidden word the box is meant to hide: the box's extent along the text, the
 * word's full glyph height across it. */
function hiddenPart(box: Box, word: Word): Box {
  const angle = word.angle ?? 0;
  const across = angle === 90 || angle === 270 ? 'x' : angle === 0 || angle === 180 ? 'y' : 'both';
  const x0 = across === 'x' || across === 'both' ? word.box.x : Math.max(box.x, word.box.x);
  const x1 = across === 'x' || across === 'both' ? word.box.x + word.box.width : Math.min(box.x + box.width, word.box.x + word.box.width);
  const y0 = across === 'y' || across === 'both' ? word.box.y : Math.max(box.y, word.box.y);
  const y1 = across === 'y' || across === 'both' ? word.box.y + word.box.height : Math.min(box.y + box.height, word.box.y + word.box.height);
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

function pixelRect(b: Box): [number, number, number, number] {
  return [Math.floor(b.x * SCALE), Math.floor(b.y * SCALE), Math.ceil((b.x + b.width) * SCALE), Math.ceil((b.y + b.height) * SCALE)];
}

interface Region extends CheckedBox {
  parts: Box[];
}

/** The boxes with the parts of the words they hide, and the page area (pixels, within the page
 * bounds) that holds them all: what the checks render. */
function regionsOf(bounds: mupdf.Rect, boxes: readonly CheckedBox[]): { regions: Region[]; area?: Area } {
  const [px0, py0, px1, py1] = bounds.map((v) => Math.round(v * SCALE)) as Area;
  const regions = boxes.map((b) => ({ ...b, parts: b.hidden.flatMap((w) => hiddenParts(b.box, w)).filter((p) => p.width > 0 && p.height > 0) }));
  let area: Area | undefined;
  for (const r of regions) {
    for (const b of [padBox(r.box, BOX_PADDING_PT), ...r.parts]) {
      const [a, b2, c, d] = pixelRect(b);
      area = area ? [Math.min(area[0], a), Math.min(area[1], b2), Math.max(area[2], c), Math.max(area[3], d)] : [a, b2, c, d];
    }
  }
  return { regions, ...(area ? { area: [Math.max(px0, area[0]), Math.max(py0, area[1]), Math.min(px1, area[2]), Math.min(py1, area[3])] } : {}) };
}

/** The input's rendering the ink check compares with: the area of the page's boxes, when any of
 * them hides words. Depends on the input and the boxes only. */
export function inputRendering(input: mupdf.Page, boxes: readonly CheckedBox[]): Gray | undefined {
  const { regions, area } = regionsOf(input.getBounds(), boxes);
  if (!area || area[2] <= area[0] || area[3] <= area[1] || !regions.some((r) => r.parts.length)) return undefined;
  return render(input, area);
}

/** Checks one page's boxes on `output`, against the input's rendering (`inputRendering`) when
 * given. */
export function checkPagePixels(output: mupdf.Page, before: Gray | undefined, boxes: readonly CheckedBox[]): PixelProblem[] {
  const problems: PixelProblem[] = [];
  const { regions, area } = regionsOf(output.getBounds(), boxes);
  if (!area) return problems;
  if (area[2] <= area[0] || area[3] <= area[1]) return boxes.map((b) => ({ redactionId: b.redaction.id, kind: 'outside-page' }));
  const out = render(output, area);

  for (const r of regions) {
    const { box, redaction } = r;
    const x0 = Math.max(area[0], Math.ceil(box.x * SCALE));
    const y0 = Math.max(area[1], Math.ceil(box.y * SCALE));
    const x1 = Math.min(area[2], Math.max(x0 + 1, Math.floor((box.x + box.width) * SCALE)));
    const y1 = Math.min(area[3], Math.max(y0 + 1, Math.floor((box.y + box.height) * SCALE)));
    if (x1 <= x0 || y1 <= y0) {
      problems.push({ redactionId: redaction.id, kind: 'outside-page' });
      continue;
    }
    let dark = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (at(out, x, y) < DARK_LUMINANCE) dark++;
    const darkShare = dark / ((x1 - x0) * (y1 - y0));
    if (darkShare < MIN_DARK_FRACTION) problems.push({ redactionId: redaction.id, kind: 'not-dark', darkShare });

    if (!before) continue;
    const painted = pixelRect(padBox(box, BOX_PADDING_PT));
    let ink = 0;
    let leaked = 0;
    for (const part of r.parts) {
      const [a, b, c, d] = pixelRect(part);
      for (let y = Math.max(b, area[1]); y < Math.min(d, area[3]); y++) {
        for (let x = Math.max(a, area[0]); x < Math.min(c, area[2]); x++) {
          const was = at(before, x, y);
          if (was >= INK) continue;
          ink++;
          const inside = x >= painted[0] && x < painted[2] && y >= painted[1] && y < painted[3];
          const now = at(out, x, y);
          if (!inside && now < INK && Math.abs(now - was) < SAME) leaked++;
        }
      }
    }
    if (leaked >= MIN_LEAK_PIXELS && leaked >= MIN_LEAK_SHARE * ink) problems.push({ redactionId: redaction.id, kind: 'ink-visible' });
  }
  return problems;
}

