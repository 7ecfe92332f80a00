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

/** Fills `box` (points) black on a canvas drawn at `scale` px/pt and writes `label` in white,
 * centred and shrunk to fit. Returns whether the label was drawn. */
export function paintRedaction(ctx: CanvasContext, box: Box, scale: number, label: string): boolean {
  const p = padBox(box, BOX_PADDING_PT);
  const x0 = Math.floor(p.x * scale);
  const y0 = Math.floor(p.y * scale);
  const x1 = Math.ceil((p.x + p.width) * scale);
  const y1 = Math.ceil((p.y + p.height) * scale);
  ctx.fillStyle = '#000000';
  ctx.fillRect(x0, y0, x1 - x0, y1 - y0);

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
