import { describe, expect, it } from 'vitest';
import { boundPatterns, MAX_PATTERN_PIXELS } from '../src/patterns.js';
import { canvasModule, type Canvas, type CanvasContext } from '../src/pdfjs.js';

/* A large canvas pattern is shrunk before it is used, and paints what the full one paints:
 * the same colours in the same places, a tiling pattern with the same period. */

const QUADRANTS = ['#c00000', '#00a000', '#0000c0', '#e0c000'];

/** A canvas of four coloured quadrants, larger than MAX_PATTERN_PIXELS. */
function quadrants(width: number, height: number): Canvas {
  const canvas = canvasModule.createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  QUADRANTS.forEach((colour, i) => {
    ctx.fillStyle = colour;
    ctx.fillRect((i % 2) * (width / 2), Math.floor(i / 2) * (height / 2), width / 2, height / 2);
  });
  return canvas;
}

/** Fills small squares at `points` with a pattern of `source`, each inside save/restore as pdfjs
 * paints glyphs, and returns the colour at each point. Like pdfjs, the source canvas is emptied
 * between making the pattern and setting its transform. */
function paint(ctx: CanvasContext, source: Canvas, repeat: 'repeat' | 'no-repeat', points: Array<[number, number]>): string[] {
  const pattern = ctx.createPattern(source, repeat);
  source.width = source.height = 0;
  pattern.setTransform(new canvasModule.DOMMatrix([0.5, 0, 0, 0.5, 40, 20]));
  for (const [x, y] of points) {
    ctx.save();
    ctx.fillStyle = pattern;
    const square = new canvasModule.Path2D();
    square.rect(x - 4, y - 4, 8, 8);
    ctx.fill(square);
    ctx.restore();
  }
  return points.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)].map((v) => Math.round(v / 32)).join(','));
}

const page = () => canvasModule.createCanvas(1600, 1000).getContext('2d');

describe('boundPatterns', () => {
  it('paints a shrunk no-repeat pattern where and as the full one paints', () => {
    expect(1200 * 800).toBeGreaterThan(MAX_PATTERN_PIXELS);
    // quadrant centres at scale 0.5 from (40, 20), and a point outside the pattern
    const points: Array<[number, number]> = [[190, 120], [490, 120], [190, 320], [490, 320], [900, 700]];
    const full = paint(page(), quadrants(1200, 800), 'no-repeat', points);
    expect(new Set(full.slice(0, 4)).size).toBe(4);
    expect(paint(boundPatterns(page()), quadrants(1200, 800), 'no-repeat', points)).toEqual(full);
  });

  it('keeps the period of a shrunk tiling pattern', () => {
    // the same quadrant in the first and the third tile across, and in the second tile down
    const points: Array<[number, number]> = [[115, 70], [265, 70], [715, 70], [115, 270], [865, 470]];
    const full = paint(page(), quadrants(600, 400), 'repeat', points);
    expect(paint(boundPatterns(page()), quadrants(600, 400), 'repeat', points)).toEqual(full);
  });

  it('keeps memory flat over many fills from a page-sized pattern in saved states', () => {
    const ctx = boundPatterns(canvasModule.createCanvas(2481, 3508).getContext('2d'));
    const source = quadrants(2481, 3508);
    const before = process.memoryUsage().rss;
    // pdfjs paints every glyph of pattern-filled text like this; unbounded, each took 35 MB
    paint(ctx, source, 'no-repeat', Array.from({ length: 200 }, (_, i): [number, number] => [20 + (i % 40) * 60, 20 + Math.floor(i / 40) * 60]));
    expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(200);
  });
});
