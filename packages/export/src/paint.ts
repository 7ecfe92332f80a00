import { padBox, type Box } from '@woo/core';
import type { CanvasContext } from '@woo/pdf';
import { LABEL_FAMILY } from './fonts.js';

/** Painted boxes are larger than the word boxes: character edges are estimates (±1 pt) and
 * anti-aliased glyph edges bleed, so the ink must be covered with margin. */
export const BOX_PADDING_PT = 1.5;
const LABEL_HEIGHT_RATIO = 0.62;
const LABEL_WIDTH_RATIO = 0.88;
const MAX_LABEL_PX = 40;
/** Below this pixel size the label is unreadable; the box stays black and the label only goes
 * into the text layer. */
export const MIN_LABEL_PX = 6;

/** Fills the boxes (points) black on a canvas drawn at `scale` px/pt, then writes each box's label
 * in white, centred and shrunk to fit. Boxes that overlap (the pieces of a slanted word) are filled
 * before any label is written, so no fill cuts a label, and a box overlapping one already labelled
 * gets none of its own. Returns per box whether its label was drawn. */
export function paintRedactions(ctx: CanvasContext, boxes: ReadonlyArray<{ box: Box; label: string }>, scale: number): boolean[] {
  const pixels = boxes.map(({ box }) => toPixels(box, scale));
  ctx.fillStyle = '#000000';
  for (const p of pixels) ctx.fillRect(p.x0, p.y0, p.x1 - p.x0, p.y1 - p.y0);
  const labelled: PixelBox[] = [];
  return boxes.map(({ label }, i) => {
    const p = pixels[i]!;
    if (labelled.some((q) => p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1)) return false;
    if (!writeLabel(ctx, p, label)) return false;
    labelled.push(p);
    return true;
  });
}

interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function toPixels(box: Box, scale: number): PixelBox {
  const p = padBox(box, BOX_PADDING_PT);
  return { x0: Math.floor(p.x * scale), y0: Math.floor(p.y * scale), x1: Math.ceil((p.x + p.width) * scale), y1: Math.ceil((p.y + p.height) * scale) };
}

function writeLabel(ctx: CanvasContext, { x0, y0, x1, y1 }: PixelBox, label: string): boolean {
  let size = Math.min((y1 - y0) * LABEL_HEIGHT_RATIO, MAX_LABEL_PX);
  ctx.font = `${size}px ${LABEL_FAMILY}`;
  const width = ctx.measureText(label).width;
  if (width > (x1 - x0) * LABEL_WIDTH_RATIO) size *= ((x1 - x0) * LABEL_WIDTH_RATIO) / width;
  if (size < MIN_LABEL_PX) return false;
  ctx.font = `${size}px ${LABEL_FAMILY}`;
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, (x0 + x1) / 2, (y0 + y1) / 2);
  return true;
}
