import * as mupdf from 'mupdf';
import type { Box, GroundCode } from '@woo/core';
import { redactionAltText } from './text-layer.js';

const LABEL_EM_OF_BOX = 0.62;
const LABEL_WIDTH_RATIO = 0.88;
const MAX_LABEL_PT = 20;
/** Below this size a printed label is unreadable: it is still written, invisibly, so that a
 * search for the ground finds every box (as in the raster text layer). */
const MIN_VISIBLE_LABEL_PT = 3;
/** Half the cap height of Helvetica Bold, in em: the baseline sits this far below the centre. */
const HALF_CAP_EM = 0.36;

let metrics: mupdf.Font | undefined;

/** Width of `text` in Helvetica Bold at size 1. */
function widthEm(text: string): number {
  metrics ??= new mupdf.Font('Helvetica-Bold');
  let w = 0;
  for (const ch of text) w += metrics.advanceGlyph(metrics.encodeCharacter(ch));
  return w;
}

/** Numbers as PDF operands: no exponent notation, at most 3 decimals. */
export function num(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

/** UTF-16BE hex string with byte-order mark, as PDF text strings in content streams. */
function hexText(text: string): string {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return `<${bytes.toString('hex').toUpperCase()}>`;
}

/** Operators for the ground label of one box, white and centred, in displayed-page coordinates
 * with y up (`pageBottom` is the page height). Marked content carries the box's alternative text
 * for screen readers and the codes as ActualText. Not `printed`: written invisibly (a box whose
 * label another box already shows). */
export function labelOperators(box: Box, pageBottom: number, grounds: readonly GroundCode[], fontKey: string, printed = true): string[] {
  const label = grounds.join('; ');
  const natural = widthEm(label);
  let size = Math.min(box.height * LABEL_EM_OF_BOX, MAX_LABEL_PT);
  if (natural * size > box.width * LABEL_WIDTH_RATIO) size = (box.width * LABEL_WIDTH_RATIO) / natural;
  if (!(size > 0)) return [];
  const visible = printed && size >= MIN_VISIBLE_LABEL_PT;
  const x = box.x + (box.width - natural * size) / 2;
  const y = pageBottom - (box.y + box.height / 2) - HALF_CAP_EM * size;
  return [
    `/Span <</Alt ${hexText(redactionAltText(grounds))} /ActualText ${hexText(label)}>> BDC`,
    `BT 1 g ${visible ? 0 : 3} Tr /${fontKey} ${num(size)} Tf ${num(x)} ${num(y)} Td (${label}) Tj ET`,
    'EMC',
  ];
}
