import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registerCanvasFont } from '@woo/pdf';

// Fonts come from the dejavu-fonts-ttf npm package, never from the system: output must not depend
// on what happens to be installed on the machine that runs the export.
const DEJAVU_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const LABEL_FAMILY = 'WooRedactionLabel';

export function registerLabelFont(): void {
  registerCanvasFont(path.join(DEJAVU_DIR, 'DejaVuSans-Bold.ttf'), LABEL_FAMILY);
}

let textFont: Uint8Array | undefined;
/** DejaVu Sans for invisible text that Helvetica/WinAnsi cannot encode (read once, subset per document). */
export function textFontBytes(): Uint8Array {
  textFont ??= new Uint8Array(readFileSync(path.join(DEJAVU_DIR, 'DejaVuSans.ttf')));
  return textFont;
}

const WINANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** True when Helvetica with WinAnsiEncoding can show `text` (no embedding needed). */
export function fitsWinAnsi(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WINANSI_EXTRA.has(ch)) continue;
    return false;
  }
  return true;
}
