/** A rectangle in PDF points on the page as displayed: origin top-left, y grows downwards
 * (pdfjs viewport at scale 1, so /Rotate and MediaBox offsets are already applied). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Redaction boxes are widened to multiples of this many box heights (about six characters), so
 * their width does not give away the length of what they hide (pipeline box-widths.ts). */
export const WIDTH_STEP_EM = 3;

export function boxRight(b: Box): number {
  return b.x + b.width;
}

export function boxBottom(b: Box): number {
  return b.y + b.height;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;
}

/** Smallest box holding all of `boxes` (which must not be empty). */
export function unionBox(boxes: readonly Box[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function padBox(b: Box, margin: number): Box {
  return { x: b.x - margin, y: b.y - margin, width: b.width + 2 * margin, height: b.height + 2 * margin };
}

/** Share (0..1) of the area of `a` that lies inside `b`. */
export function overlapShare(a: Box, b: Box): number {
  const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return dx > 0 && dy > 0 ? (dx * dy) / Math.max(1e-6, a.width * a.height) : 0;
}
