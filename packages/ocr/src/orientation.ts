import type { GrayImage } from './images.js';

/** How far (clockwise) the text on a page is turned from upright. */
export type Rotation = 0 | 90 | 180 | 270;

/** A rectangle in image pixels, corners x0,y0 (inclusive) to x1,y1 (exclusive), as tesseract gives. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Turns an image counter-clockwise by `rotation`, undoing text turned clockwise by that much. */
export function turnUpright(image: GrayImage, rotation: Rotation): GrayImage {
  const { data, width: w, height: h } = image;
  if (rotation === 0) return image;
  const out = new Uint8Array(data.length);
  if (rotation === 180) {
    for (let i = 0, n = data.length; i < n; i++) out[i] = data[n - 1 - i]!;
    return { data: out, width: w, height: h };
  }
  // Quarter turns swap the sides: the result is h wide and w high. Written row by row of the
  // output so the writes stay sequential.
  for (let ty = 0; ty < w; ty++) {
    const row = ty * h;
    if (rotation === 90) {
      // counter-clockwise: output (tx, ty) comes from input (w-1-ty, tx)
      const sx = w - 1 - ty;
      for (let tx = 0; tx < h; tx++) out[row + tx] = data[tx * w + sx]!;
    } else {
      // clockwise: output (tx, ty) comes from input (ty, h-1-tx)
      for (let tx = 0; tx < h; tx++) out[row + tx] = data[(h - 1 - tx) * w + ty]!;
    }
  }
  return { data: out, width: h, height: w };
}

/** Maps a box found on the image turned by `turnUpright(image, rotation)` back onto the original
 * image, which is `width` x `height` pixels. */
export function boxToOriginal(box: PixelBox, rotation: Rotation, width: number, height: number): PixelBox {
  const { x0, y0, x1, y1 } = box;
  switch (rotation) {
    case 0:
      return box;
    case 180:
      return { x0: width - x1, y0: height - y1, x1: width - x0, y1: height - y0 };
    case 90:
      return { x0: width - y1, y0: x0, x1: width - y0, y1: x1 };
    case 270:
      return { x0: y0, y0: height - x1, x1: y1, y1: height - x0 };
  }
}

/** `a` then `b`, as one rotation. */
export function addRotations(a: Rotation, b: Rotation): Rotation {
  return ((a + b) % 360) as Rotation;
}

/** The inverse of `boxToOriginal`: where a box of the original image (`width` x `height`) lands
 * on the image turned by `turnUpright(image, rotation)`. */
export function boxToTurned(box: PixelBox, rotation: Rotation, width: number, height: number): PixelBox {
  const { x0, y0, x1, y1 } = box;
  switch (rotation) {
    case 0:
      return box;
    case 180:
      return { x0: width - x1, y0: height - y1, x1: width - x0, y1: height - y0 };
    case 90:
      return { x0: y0, y0: width - x1, x1: y1, y1: width - x0 };
    case 270:
      return { x0: height - y1, y0: x0, x1: height - y0, y1: x1 };
  }
}

/** Gray level below which a pixel is ink, for the orientation estimate. */
const ORIENTATION_INK = 128;
/** Width of the vertical strips lines are found in: narrow enough that a 2° skew moves a line by
 * a few pixels within one, wide enough to hold a word or two. */
const STRIP = 128;
/** How much more ink one side of the lines needs before the estimate commits. */
const DECISIVE = 1.5;

/**
 * Which way up horizontal Latin print is, from the pixels alone (a few tens of ms per page): in
 * Dutch and English text, ascenders and capitals (b d f h k l t, A-Z, digits) put far more ink
 * above the x-height band of a line than descenders (g j p q y) put below it. Upside down, the
 * two swap. Lines are found per vertical strip (row runs of ink), their x-height band as the rows
 * with at least half the line's densest row.
 *
 * Returns 180 (upside down), 0 (upright, or a quarter-turned page whose letter runs happen to
 * look upright: reading it as is is right for those too) or undefined when the page does not say
 * (too little text, tables whose borders join the lines). Only a hint for the order in which OCR
 * tries orientations: the OCR confidence still decides.
 */
export function inkOrientation(image: GrayImage): 0 | 180 | undefined {
  const across = lineStats(image);
  if (!across || across.above + across.below < 200) return undefined;
  if (across.above > DECISIVE * across.below) return 0;
  if (!(across.below > DECISIVE * across.above)) return undefined;
  // Text turned a quarter also yields "lines" here (runs of letters along its columns), and may
  // look upside down. Horizontal print leaves blank rows between its lines (within a strip) and
  // few blank columns within them; turned a quarter, the other way round. Checked only before
  // saying 180, the one answer that changes what OCR does first.
  const turned = lineStats(turnUpright(image, 90));
  if (turned && turned.blankShare >= across.blankShare) return undefined;
  return 180;
}

/** Ink above and below the x-height band of the lines of regular height, and how many such lines. */
function lineStats(image: GrayImage): { above: number; below: number; blankShare: number } | undefined {
  const { data, width, height } = image;
  const lines: Array<{ height: number; above: number; below: number }> = [];
  /** Rows without ink between the first and last inked row of each strip, and all such rows. */
  let blank = 0;
  let spanned = 0;
  const profile = new Int32Array(height);
  for (let x0 = 0; x0 + STRIP / 2 <= width; x0 += STRIP) {
    const x1 = Math.min(width, x0 + STRIP);
    profile.fill(0);
    for (let y = 0; y < height; y++) {
      const row = y * width;
      let n = 0;
      for (let x = x0; x < x1; x++) if (data[row + x]! < ORIENTATION_INK) n++;
      profile[y] = n;
    }
    let first = 0;
    while (first < height && profile[first]! < 2) first++;
    let last = height - 1;
    while (last > first && profile[last]! < 2) last--;
    for (let y = first; y <= last; y++) if (profile[y]! < 2) blank++;
    spanned += Math.max(0, last - first + 1);
    // a line: a run of rows with ink (single specks are not enough)
    for (let y = 0; y < height; ) {
      if (profile[y]! < 2) {
        y++;
        continue;
      }
      const top = y;
      while (y < height && profile[y]! >= 2) y++;
      const bottom = y;
      const h = bottom - top;
      if (h < 12 || h > 200) continue;
      let max = 0;
      for (let k = top; k < bottom; k++) max = Math.max(max, profile[k]!);
      if (max < 8) continue;
      let coreTop = top;
      while (profile[coreTop]! < max / 2) coreTop++;
      let coreBottom = bottom - 1;
      while (profile[coreBottom]! < max / 2) coreBottom--;
      let above = 0;
      let below = 0;
      for (let k = top; k < coreTop; k++) above += profile[k]!;
      for (let k = coreBottom + 1; k < bottom; k++) below += profile[k]!;
      lines.push({ height: h, above, below });
    }
  }
  if (lines.length < 3) return undefined;
  // Horizontal print has lines of (nearly) one height; on a page turned a quarter the strips cut
  // across the text and the "lines" are runs of letters and words of any length.
  const median = [...lines].sort((a, b) => a.height - b.height)[lines.length >> 1]!.height;
  const regular = lines.filter((l) => l.height >= 0.7 * median && l.height <= 1.4 * median);
  if (regular.length < 0.7 * lines.length) return undefined;
  return { above: regular.reduce((n, l) => n + l.above, 0), below: regular.reduce((n, l) => n + l.below, 0), blankShare: blank / Math.max(1, spanned) };
}
