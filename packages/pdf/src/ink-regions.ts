import { unionBox, type Box } from '@woo/core';

/* Which of the unexplained ink looks like text: connected blobs of glyph size that line up with
 * neighbours of similar height. Rules, frames, table borders and lone dots do not; logos with
 * letters, screenshots, stamps and scans do, and are sent to OCR. */

/** Glyph heights in points that OCR can read and that are worth reading. */
const MIN_GLYPH_PT = 2.5;
const MAX_GLYPH_PT = 120;
/** Straight runs of ink at least this long are rules, table grids, frames or underlines, never
 * part of a glyph: they are taken out before looking for glyphs. */
export const RULE_PT = 25;
/** Blobs join a line when they overlap vertically by half and sit this close (in blob heights). */
const LINE_GAP = 1.2;
/** A lone blob counts as text when it is at least this wide for its height (a word in one piece). */
const WORD_ASPECT = 2.5;
const MIN_BLOBS = 3;
/** Regions are padded (in line heights) so OCR sees whole glyphs, and merged when this close. */
const PAD = 0.4;
const MERGE_GAP = 1.0;

interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number;
}

/** Text-like areas of a binary mask (1 = unexplained ink), in points, padded and merged. `rules`
 * marks lines found in the ink itself: the outlines of a table grid are broken at every crossing,
 * so they are recognised as lines only in the ink they outline. */
export function textLikeRegions(mask: Uint8Array, width: number, height: number, scale: number, rules?: Uint8Array): Box[] {
  if (mask.indexOf(1) < 0) return [];
  const work = mask.slice();
  clearNear(work, ruleRuns(mask, width, height, Math.round(RULE_PT * scale)), width);
  if (rules) clearNear(work, rules, width);
  if (work.indexOf(1) < 0) return [];
  const glyphs = blobs(work, width, height).filter((b) => isGlyphLike(b, scale));
  const lines = lineClusters(glyphs);
  const regions: Box[] = [];
  for (const line of lines) {
    const box = unionBox(line.map((b) => ({ x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 })));
    if (line.length < MIN_BLOBS && box.width < WORD_ASPECT * box.height) continue;
    const pad = PAD * Math.max(...line.map((b) => b.y1 - b.y0));
    regions.push({ x: (box.x - pad) / scale, y: (box.y - pad) / scale, width: (box.width + 2 * pad) / scale, height: (box.height + 2 * pad) / scale });
  }
  return mergeNear(regions).map((r) => clip(r, width / scale, height / scale));
}

function isGlyphLike(b: Blob, scale: number): boolean {
  const w = (b.x1 - b.x0) / scale;
  const h = (b.y1 - b.y0) / scale;
  if (h < MIN_GLYPH_PT || h > MAX_GLYPH_PT) return false;
  return w < 40 * h;
}

/** Pixels of `mask` on horizontal or vertical runs of `length` pixels or more. */
export function ruleRuns(mask: Uint8Array, width: number, height: number, length: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  const down = new Int32Array(width); // length of the vertical run ending above, per column
  const markDown = (x: number, endRow: number) => {
    for (let y = endRow - down[x]!; y < endRow; y++) out[y * width + x] = 1;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let run = 0;
    for (let x = 0; x < width; x++) {
      if (mask[row + x]) {
        run++;
        down[x]!++;
        continue;
      }
      if (run >= length) out.fill(1, row + x - run, row + x);
      run = 0;
      if (down[x]! >= length) markDown(x, y);
      down[x] = 0;
    }
    if (run >= length) out.fill(1, row + width - run, row + width);
  }
  for (let x = 0; x < width; x++) if (down[x]! >= length) markDown(x, height);
  return out;
}

/** Clears from `mask` every pixel within one pixel of a rule pixel. */
function clearNear(mask: Uint8Array, rules: Uint8Array, width: number): void {
  for (let i = rules.indexOf(1); i >= 0; i = rules.indexOf(1, i + 1)) {
    const x = i % width;
    for (const j of [i - width, i, i + width]) {
      if (j < 0 || j >= mask.length) continue;
      mask[j] = 0;
      if (x > 0) mask[j - 1] = 0;
      if (x + 1 < width) mask[j + 1] = 0;
    }
  }
}

/** 8-connected components; clears the mask as it goes. */
function blobs(mask: Uint8Array, width: number, height: number): Blob[] {
  let stack = new Int32Array(1024);
  const out: Blob[] = [];
  for (let start = mask.indexOf(1); start >= 0; start = mask.indexOf(1, start + 1)) {
    let top = 0;
    stack[top++] = start;
    mask[start] = 0;
    const b: Blob = { x0: width, y0: height, x1: 0, y1: 0, pixels: 0 };
    while (top) {
      const i = stack[--top]!;
      const x = i % width;
      const y = (i - x) / width;
      b.pixels++;
      if (x < b.x0) b.x0 = x;
      if (y < b.y0) b.y0 = y;
      if (x + 1 > b.x1) b.x1 = x + 1;
      if (y + 1 > b.y1) b.y1 = y + 1;
      if (top + 8 > stack.length) {
        const grown = new Int32Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (mask[j]) {
            mask[j] = 0;
            stack[top++] = j;
          }
        }
      }
    }
    out.push(b);
  }
  return out;
}

/** Blobs grouped into text lines, horizontal or vertical (text turned a quarter), by union-find
 * over neighbours of similar size. */
function lineClusters(glyphs: Blob[]): Blob[][] {
  const parent = glyphs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => (parent[find(b)] = find(a));
  linkNeighbours(glyphs, (b) => [b.x0, b.x1, b.y0, b.y1], join);
  linkNeighbours(glyphs, (b) => [b.y0, b.y1, b.x0, b.x1], join);
  const groups = new Map<number, Blob[]>();
  glyphs.forEach((g, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(g);
    else groups.set(root, [g]);
  });
  return [...groups.values()];
}

/** Links blobs that follow each other along one axis: `span` gives [along0, along1, across0,
 * across1]. They must overlap across by half and be of similar thickness. */
function linkNeighbours(glyphs: Blob[], span: (b: Blob) => [number, number, number, number], join: (a: number, b: number) => void): void {
  const spans = glyphs.map(span);
  const order = glyphs.map((_, i) => i).sort((a, b) => spans[a]![0] - spans[b]![0]);
  for (let k = 0; k < order.length; k++) {
    const [, a1, ac0, ac1] = spans[order[k]!]!;
    const ha = ac1 - ac0;
    for (let m = k + 1; m < order.length; m++) {
      const [b0, , bc0, bc1] = spans[order[m]!]!;
      const hb = bc1 - bc0;
      const gap = b0 - a1;
      if (gap > LINE_GAP * 3 * ha + 1) break; // sorted along the axis: nothing further is close
      if (gap > LINE_GAP * Math.max(ha, hb) + 1) continue;
      const overlap = Math.min(ac1, bc1) - Math.max(ac0, bc0);
      if (overlap >= 0.5 * Math.min(ha, hb) && Math.max(ha, hb) <= 3 * Math.min(ha, hb)) join(order[k]!, order[m]!);
    }
  }
}

function near(a: Box, b: Box, gap: number): boolean {
  return a.x - gap < b.x + b.width && b.x - gap < a.x + a.width && a.y - gap < b.y + b.height && b.y - gap < a.y + a.height;
}

/** Overlapping or nearby regions become one, so OCR reads a block at a time. */
function mergeNear(regions: Box[]): Box[] {
  const out = [...regions];
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const gap = MERGE_GAP * Math.min(out[i]!.height, out[j]!.height);
        if (near(out[i]!, out[j]!, gap)) {
          out[i] = unionBox([out[i]!, out[j]!]);
          out.splice(j, 1);
          merged = true;
          break;
        }
      }
    }
  }
  return out;
}

function clip(r: Box, width: number, height: number): Box {
  const x = Math.max(0, r.x);
  const y = Math.max(0, r.y);
  return { x, y, width: Math.min(width, r.x + r.width) - x, height: Math.min(height, r.y + r.height) - y };
}
