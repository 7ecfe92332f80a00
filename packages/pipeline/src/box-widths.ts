import { isApplied, isUpright, WIDTH_STEP_EM, type Box, type Page, type Redaction } from '@woo/core';

/* A box exactly as wide as the name it hides lets a reader match candidate names by width (glyph
 * widths are public: the font is visible around the box). Published research on deredaction
 * recommends widths that do not follow the hidden text: every box is rounded up to a fixed step
 * and the extra width is taken from the white space around it, never from visible text. */

/** Distance kept from neighbouring ink: the painter pads boxes by 1.5 pt, plus anti-aliasing. */
const CLEARANCE_PT = 3;
/** A word counts as on the box's line when it shares this much of the smaller height. */
const SAME_LINE_OVERLAP = 0.25;
const EPSILON = 0.01;

/** The width a box of this height and width is rounded up to. */
export function steppedWidth(width: number, height: number): number {
  const step = WIDTH_STEP_EM * height;
  return step > 0 ? Math.ceil(width / step - 1e-9) * step : width;
}

/** The redactions with every applied box on horizontal text widened to its stepped width, as far
 * as the white space to its right, then to its left, allows. Boxes on turned text, and
 * redactions not applied, are left as they are. */
export function equaliseBoxWidths(pages: readonly Page[], redactions: readonly Redaction[]): Redaction[] {
  const placed = new Map<number, Box[]>();
  for (const r of redactions) if (isApplied(r)) placed.set(r.page, [...(placed.get(r.page) ?? []), ...r.boxes]);
  return redactions.map((r) => {
    const page = pages[r.page - 1];
    if (!isApplied(r) || !page) return r;
    const boxes = r.boxes.map((box) => {
      const others = placed.get(r.page)!.filter((b) => b !== box);
      const wide = widen(box, page, others);
      // later boxes on the page must keep clear of this one as widened
      placed.set(r.page, [...others, wide]);
      return wide;
    });
    return { ...r, boxes };
  });
}

function sameLine(a: Box, b: Box): boolean {
  const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return dy > SAME_LINE_OVERLAP * Math.min(a.height, b.height);
}

function widen(box: Box, page: Page, otherBoxes: readonly Box[]): Box {
  const extra = steppedWidth(box.width, box.height) - box.width;
  if (extra <= EPSILON) return box;
  const right = box.x + box.width;
  let leftLimit = CLEARANCE_PT;
  let rightLimit = page.width - CLEARANCE_PT;
  const obstacles = [
    ...page.words.map((w) => ({ box: w.box, upright: isUpright(w), word: true })),
    ...[...(page.ocrRegions ?? []), ...(page.unreadRegions ?? []), ...otherBoxes].map((b) => ({ box: b, upright: true, word: false })),
  ];
  for (const o of obstacles) {
    if (!sameLine(o.box, box)) continue;
    const oRight = o.box.x + o.box.width;
    const overlaps = o.box.x < right - EPSILON && oRight > box.x + EPSILON;
    if (overlaps) {
      if (o.word && !o.upright) return box; // turned text: its length is not along x
      // what is left of a partly covered word (the domain after an e-mail's local part) stays in view
      if (oRight > right + EPSILON) rightLimit = Math.min(rightLimit, right);
      if (o.box.x < box.x - EPSILON) leftLimit = Math.max(leftLimit, box.x);
      continue;
    }
    if (o.box.x >= right - EPSILON) rightLimit = Math.min(rightLimit, o.box.x - CLEARANCE_PT);
    else leftLimit = Math.max(leftLimit, oRight + CLEARANCE_PT);
  }
  const toRight = Math.max(0, Math.min(extra, rightLimit - right));
  const toLeft = Math.max(0, Math.min(extra - toRight, box.x - leftLimit));
  return { x: box.x - toLeft, y: box.y, width: box.width + toRight + toLeft, height: box.height };
}
