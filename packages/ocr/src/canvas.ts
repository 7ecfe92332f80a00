import { createRequire } from 'node:module';

type CanvasModule = typeof import('@napi-rs/canvas');

/** The @napi-rs/canvas copy that pdfjs-dist resolves, so the process loads one native canvas
 * binding whether a page came from a PDF render or from an image file. */
export const canvasModule: CanvasModule = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))(
  '@napi-rs/canvas',
) as CanvasModule;
