import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

// pdfjs inflates Flate streams through the web DecompressionStream when the global exists. In Node
// that runs every stream through web streams and the libuv pool: the text layer of a 50-page
// document read 35% slower than with pdfjs's own synchronous inflate, which it falls back to
// (also for any stream DecompressionStream rejects) when the global is absent. Nothing else in the
// workspace uses it.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

/** Directory of the installed pdfjs-dist, with a trailing slash. */
export const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json')) + path.sep;

/** Resource locations for pdfjs. In Node they must be local directories with a trailing slash:
 * pdfjs then reads them with fs, so nothing is ever fetched from the network. */
export const PDFJS_RESOURCES = {
  standardFontDataUrl: PDFJS_DIR + 'standard_fonts/',
  cMapUrl: PDFJS_DIR + 'cmaps/',
  cMapPacked: true,
  wasmUrl: PDFJS_DIR + 'wasm/',
  iccUrl: PDFJS_DIR + 'iccs/',
} as const;

export type Canvas = import('@napi-rs/canvas').Canvas;
export type CanvasContext = import('@napi-rs/canvas').SKRSContext2D;
type CanvasModule = typeof import('@napi-rs/canvas');

/** The @napi-rs/canvas copy that pdfjs itself resolves. pdfjs polyfills Path2D/DOMMatrix from
 * its copy; drawing with a second copy makes page.render() throw ("not a valid enum value of
 * type CanvasFillRule"), so we never import the package directly. */
export const canvasModule: CanvasModule = createRequire(PDFJS_DIR + 'package.json')('@napi-rs/canvas') as CanvasModule;

/** Make a TTF file usable in canvas `font` strings under `family` (idempotent). */
export function registerCanvasFont(file: string, family: string): void {
  if (!canvasModule.GlobalFonts.has(family)) canvasModule.GlobalFonts.registerFromPath(file, family);
}
