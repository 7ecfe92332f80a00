import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { canvasModule, registerCanvasFont, type CanvasContext } from './pdfjs.js';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Relative glyph advances (em units) per character for one pdfjs font. */
export type AdvanceTable = ReadonlyMap<string, number>;

interface FontExtra {
  widths?: Record<number, number> | number[];
  toUnicode?: { _map?: Record<number, unknown> | unknown[] };
}

/** Tables already built, per pdfjs font object: a document's pages share their fonts, and a
 * CID font's map can hold thousands of codes. */
const tables = new WeakMap<object, AdvanceTable | null>();

/** Exact advances from the font's /Widths keyed by the character its ToUnicode map gives.
 * Only available after page.getOperatorList() (which loads the fonts into commonObjs) and with
 * fontExtraProperties; null when the font has no usable map (identity maps, Type3 oddities). */
export function fontAdvances(page: PDFPageProxy, fontName: string): AdvanceTable | null {
  let font: FontExtra | undefined;
  try {
    font = page.commonObjs.get(fontName) as FontExtra | undefined;
  } catch {
    return null; // font not resolved in commonObjs: fall back to measuring
  }
  if (!font) return null;
  const cached = tables.get(font);
  if (cached !== undefined) return cached;
  let table: Map<string, number> | null = null;
  const map = font.toUnicode?._map;
  const widths = font.widths;
  if (map && widths) {
    table = new Map();
    for (const [code, unicode] of Object.entries(map)) {
      const w = (widths as Record<string, number | undefined>)[code];
      if (typeof unicode === 'string' && typeof w === 'number' && !table.has(unicode)) table.set(unicode, w / 1000);
    }
  }
  tables.set(font, table);
  return table;
}

const MEASURE_FAMILY = 'WooMeasureSans';
const MEASURE_PX = 100;
let measureCtx: CanvasContext | undefined;
const measured = new Map<string, number>();

/** Fallback advance from a bundled sans font (DejaVu, from npm, so results do not depend on the
 * fonts of the machine). Only the ratios matter: they are rescaled to the exact item width. */
export function measuredAdvance(ch: string): number {
  let w = measured.get(ch);
  if (w === undefined) {
    if (!measureCtx) {
      const dir = path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
      registerCanvasFont(path.join(dir, 'ttf', 'DejaVuSans.ttf'), MEASURE_FAMILY);
      measureCtx = canvasModule.createCanvas(8, 8).getContext('2d');
      measureCtx.font = `${MEASURE_PX}px ${MEASURE_FAMILY}`;
    }
    w = measureCtx.measureText(ch).width / MEASURE_PX || 0.5;
    measured.set(ch, w);
  }
  return w;
}
