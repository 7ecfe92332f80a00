import { canvasModule, type Canvas, type CanvasContext } from './pdfjs.js';

/** Largest canvas (pixels) that becomes a pattern as it is; a larger one is drawn smaller first.
 * @napi-rs/canvas copies a canvas pattern's pixels every time it fills inside a saved state,
 * and keeps each copy until the page's canvas is gone. pdfjs paints pattern-filled text glyph by
 * glyph, each inside save/restore, from a pattern canvas as large as the clip (the whole page:
 * 35 MB at 300 dpi), so every letter of a name in a gradient took another 35 MB. Shadings are
 * smooth colour fields, so 128 x 128 samples lose nothing a reader (or OCR) sees; a glyph's shape
 * comes from its path, never from the pattern. */
export const MAX_PATTERN_PIXELS = 128 * 128;

type PatternSource = Parameters<CanvasContext['createPattern']>[0];
type PatternMatrix = Parameters<ReturnType<CanvasContext['createPattern']>['setTransform']>[0];

/** Makes `ctx.createPattern` shrink a canvas over MAX_PATTERN_PIXELS, with the pattern's
 * transform scaled back so it paints the same area (and a tiling pattern keeps its period). */
export function boundPatterns(ctx: CanvasContext): CanvasContext {
  const create = ctx.createPattern.bind(ctx);
  ctx.createPattern = (image: PatternSource, repeat) => {
    if (!(image instanceof canvasModule.Canvas) || image.width * image.height <= MAX_PATTERN_PIXELS) return create(image, repeat);
    const small = shrunk(image);
    const pattern = create(small, repeat);
    const setTransform = pattern.setTransform.bind(pattern);
    // measured now: pdfjs empties its canvas (width 0) before it sets the pattern's transform
    const sx = image.width / small.width;
    const sy = image.height / small.height;
    const toSource = (m?: PatternMatrix) => new canvasModule.DOMMatrix(m ? [m.a, m.b, m.c, m.d, m.e, m.f] : undefined).scaleSelf(sx, sy);
    pattern.setTransform = (m?: PatternMatrix) => setTransform(toSource(m));
    setTransform(toSource());
    return pattern;
  };
  return ctx;
}

function shrunk(image: Canvas): Canvas {
  const factor = Math.sqrt(MAX_PATTERN_PIXELS / (image.width * image.height));
  const small = canvasModule.createCanvas(Math.max(1, Math.floor(image.width * factor)), Math.max(1, Math.floor(image.height * factor)));
  const ctx = small.getContext('2d');
  // averaged, not point-sampled: a fine tiling pattern must not alias into stripes
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, small.width, small.height);
  return small;
}

interface CanvasAndContext {
  canvas: Canvas | null;
  context: CanvasContext | null;
}

/** pdfjs's canvas factory (its scratch canvases: transparency groups, soft masks, pattern
 * tiles), with bounded patterns on every context it hands out, like the page's own. */
export class BoundedCanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = canvasModule.createCanvas(width, height);
    return { canvas, context: boundPatterns(canvas.getContext('2d')) };
  }

  reset(entry: CanvasAndContext, width: number, height: number): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    entry.canvas.width = width;
    entry.canvas.height = height;
  }

  destroy(entry: CanvasAndContext): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    // frees the pixels now rather than at the next garbage collection
    entry.canvas.width = entry.canvas.height = 0;
    entry.canvas = null;
    entry.context = null;
  }
}
