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
