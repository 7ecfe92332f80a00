import type { Box, Word } from '@woo/core';
import type { GrayPixels, InkLayers } from './layers.js';
import type { FontWord } from './lines.js';
import { RULE_PT, ruleRuns, textLikeRegions } from './ink-regions.js';

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

export function accountInk(layers: InkLayers, words: readonly FontWord[]): InkAccount {
  const { full, withoutText } = layers;
  const { width, height, scale } = full;
  // where the text changed the rendering (without a text-free rendering: ink on blank paper)
  const changed = new Uint8Array(width * height);
  const a = full.data;
  const b = withoutText?.data;
  for (let i = 0; i < changed.length; i++) if (Math.abs(a[i]! - (b ? b[i]! : 255)) > CHANGED) changed[i] = 1;

  // how many word boxes cover each pixel: a word is judged by the pixels only it covers, so the
  // ink of a neighbouring line never makes hidden text count as visible
  const cover = new Uint8Array(width * height);
  for (const { word } of words) {
    const [x0, y0, x1, y1] = pixelRect(word.box, full, 0);
    for (let y = y0; y < y1; y++) for (let i = y * width + x0, end = y * width + x1; i < end; i++) if (cover[i]! < 255) cover[i]!++;
  }

  const visible: Word[] = [];
  const hidden: Word[] = [];
  const explained = new Uint8Array(width * height);
  for (const { word, trusted } of words) {
    if (!paintsInk(word.box, full, changed, cover)) {
      hidden.push(word);
      continue;
    }
    if (!trusted) continue; // its ink stays unexplained: OCR reads it
    visible.push(word);
    const [x0, y0, x1, y1] = pixelRect(word.box, full, 1);
    for (let y = y0; y < y1; y++) explained.fill(1, y * width + x0, y * width + x1);
  }
  // unexplained: whatever the text-free rendering shows (its outlines), and ink the text put where
  // no visible word of a trusted font stands
  const unexplained = withoutText ? edges(withoutText) : new Uint8Array(width * height);
  for (let i = 0; i < changed.length; i++) if (changed[i] && !explained[i]) unexplained[i] = 1;
  const rules = withoutText && ruleRuns(inkOf(withoutText), width, height, Math.round(RULE_PT * scale));
  return { visible, hidden, regions: textLikeRegions(unexplained, width, height, scale, rules || undefined) };
}

/** The accounting of a page whose words are all visible and in trusted fonts, and whose drawings
 * touch no word (see `inkNeed`): only the drawings' rendering is left to judge. */
export function accountDrawings(drawings: GrayPixels, words: readonly FontWord[]): InkAccount {
  const { width, height, scale } = drawings;
  const rules = ruleRuns(inkOf(drawings), width, height, Math.round(RULE_PT * scale));
  return { visible: words.map((w) => w.word), hidden: [], regions: textLikeRegions(edges(drawings), width, height, scale, rules) };
}

/** Text paints ink when some pixels inside its box change when the text is drawn: counted where
 * no other word's box lies, unless other boxes cover all of it. */
function paintsInk(box: Box, full: GrayPixels, changed: Uint8Array, cover: Uint8Array): boolean {
  let own = 0;
  let shared = 0;
  let ownPixels = 0;
  const [x0, y0, x1, y1] = pixelRect(box, full, 0);
  for (let y = y0; y < y1; y++) {
    for (let i = y * full.width + x0, end = y * full.width + x1; i < end; i++) {
      const mine = cover[i] === 1;
      if (mine) ownPixels++;
      if (changed[i]) {
        if (mine) own++;
        else shared++;
      }
    }
  }
  return ownPixels ? own > 0 : shared > 0;
}

/** Pixel rectangle [x0, y0, x1, y1) of a box, grown by `margin` pixels, within the image. */
function pixelRect(box: Box, px: GrayPixels, margin: number): [number, number, number, number] {
  return [
    Math.max(0, Math.floor(box.x * px.scale) - margin),
    Math.max(0, Math.floor(box.y * px.scale) - margin),
    Math.min(px.width, Math.ceil((box.x + box.width) * px.scale) + margin),
    Math.min(px.height, Math.ceil((box.y + box.height) * px.scale) + margin),
  ];
}

/** Pixels darker than paper. */
function inkOf(px: GrayPixels): Uint8Array {
  const out = new Uint8Array(px.data.length);
  for (let i = 0; i < out.length; i++) if (px.data[i]! < 255 - CHANGED) out[i] = 1;
  return out;
}

/** Pixels with a strong step in brightness to the right or below: the outlines of glyphs,
 * whether dark on light or light on dark. */
function edges(px: GrayPixels): Uint8Array {
  const { data, width, height } = px;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const last = y + 1 < height;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      const v = data[i]!;
      if ((x + 1 < width && Math.abs(v - data[i + 1]!) > CHANGED) || (last && Math.abs(v - data[i + width]!) > CHANGED)) out[i] = 1;
    }
  }
  return out;
}
