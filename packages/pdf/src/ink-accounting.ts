import type { Box, Word } from '@woo/core';
import type { GrayPixels, InkLayers } from './layers.js';
import type { FontWord } from './lines.js';
import { textLikeRegions } from './ink-regions.js';

/* Ink accounting: every pixel of the page as published is either explained by a visible word of
 * a trusted text layer, or it is read by OCR. And a word of the text layer only counts where it
 * puts ink on the page: text that paints nothing (white, clipped, covered, a hidden layer, an
 * invisible OCR layer) is hidden text, never published and never redacted. */

/** Gray levels two renderings must differ by before a pixel counts as changed by text. */
const CHANGED = 48;

export interface InkAccount {
  /** Words that put ink on the page, in trusted fonts. */
  visible: Word[];
  /** Words that put no ink on the page. */
  hidden: Word[];
  /** Page areas (points) with text-like ink that no visible trusted word explains. */
  regions: Box[];
}

export function accountInk(layers: InkLayers, words: readonly FontWord[], untrusted: ReadonlySet<string>): InkAccount {
  const { full, withoutText } = layers;
  const { width, height, scale } = full;
  const background = (i: number) => (withoutText ? withoutText.data[i]! : 255);
  const changed = (i: number) => Math.abs(full.data[i]! - background(i)) > CHANGED;

  // how many word boxes cover each pixel: a word is judged by the pixels only it covers, so the
  // ink of a neighbouring line never makes hidden text count as visible
  const cover = new Uint8Array(width * height);
  for (const { word } of words) forEachPixel(word.box, full, 0, (i) => (cover[i] = Math.min(255, cover[i]! + 1)));

  const visible: Word[] = [];
  const hidden: Word[] = [];
  const explained = new Uint8Array(width * height);
  for (const { word, font } of words) {
    if (!paintsInk(word.box, full, changed, cover)) {
      hidden.push(word);
      continue;
    }
    if (untrusted.has(font)) continue; // its ink stays unexplained: OCR reads it
    visible.push(word);
    forEachPixel(word.box, full, 1, (i) => (explained[i] = 1));
  }

  const unexplained = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (withoutText && isEdge(withoutText, x, y)) unexplained[i] = 1;
      else if (!explained[i] && changed(i)) unexplained[i] = 1;
    }
  }
  return { visible, hidden, regions: textLikeRegions(unexplained, width, height, scale) };
}

/** Text paints ink when some pixels inside its box change when the text is drawn: counted where
 * no other word's box lies, unless other boxes cover all of it. */
function paintsInk(box: Box, full: GrayPixels, changed: (i: number) => boolean, cover: Uint8Array): boolean {
  let own = 0;
  let shared = 0;
  let ownPixels = 0;
  forEachPixel(box, full, 0, (i) => {
    if (cover[i] === 1) ownPixels++;
    if (!changed(i)) return;
    if (cover[i] === 1) own++;
    else shared++;
  });
  return ownPixels ? own > 0 : shared > 0;
}

function forEachPixel(box: Box, px: GrayPixels, margin: number, fn: (i: number) => void): void {
  const x0 = Math.max(0, Math.floor(box.x * px.scale) - margin);
  const y0 = Math.max(0, Math.floor(box.y * px.scale) - margin);
  const x1 = Math.min(px.width, Math.ceil((box.x + box.width) * px.scale) + margin);
  const y1 = Math.min(px.height, Math.ceil((box.y + box.height) * px.scale) + margin);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) fn(y * px.width + x);
}

/** A strong step in brightness to the right or below: the outline of a glyph, whether dark on
 * light or light on dark. */
function isEdge(px: GrayPixels, x: number, y: number): boolean {
  const i = y * px.width + x;
  const v = px.data[i]!;
  return (x + 1 < px.width && Math.abs(v - px.data[i + 1]!) > CHANGED) || (y + 1 < px.height && Math.abs(v - px.data[i + px.width]!) > CHANGED);
}
