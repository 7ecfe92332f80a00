import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Word } from '@woo/core';
import { createOcrEngine, lowConfidenceWords, type OcrEngine, type OcrPageResult } from '../src/index.js';
import { DPI, renderLetter, type RenderedPage } from './render.js';

/** Points a box edge may differ from the drawn ink: tesseract boxes hug the ink, but anti-aliased
 * edges and a 1.5° skew (the drawn box is the skewed word's bounding box) cost a little. */
const TOLERANCE = 3;

let engine: OcrEngine;
beforeAll(async () => {
  engine = await createOcrEngine({ workers: 2 });
});
afterAll(async () => {
  await engine?.terminate();
});

function find(result: OcrPageResult, text: string): Word {
  const word = result.words.find((w) => w.text === text);
  if (!word) throw new Error(`"${text}" not read; got: ${result.words.map((w) => w.text).join(' ')}`);
  return word;
}

/** The words that matter for redaction must come back with their text and where they were drawn. */
function expectLetter(result: OcrPageResult, page: RenderedPage) {
  const text = result.words.map((w) => w.text).join(' ');
  for (const expected of ['Jan', 'Vries,', 'j.devries@gemeente.nl', '06-12345678', 'Anna', 'Bakker']) {
    expect(text).toContain(expected);
    const drawn = page.words.find((w) => w.text === expected)!;
    const read = find(result, expected);
    expect(Math.abs(read.box.x - drawn.box.x), `${expected} left`).toBeLessThan(TOLERANCE);
    expect(Math.abs(read.box.y - drawn.box.y), `${expected} top`).toBeLessThan(TOLERANCE);
    expect(Math.abs(read.box.x + read.box.width - (drawn.box.x + drawn.box.width)), `${expected} right`).toBeLessThan(TOLERANCE);
    expect(Math.abs(read.box.y + read.box.height - (drawn.box.y + drawn.box.height)), `${expected} bottom`).toBeLessThan(TOLERANCE);
  }
  for (const w of result.words) {
    expect(w.box.x).toBeGreaterThanOrEqual(0);
    expect(w.box.y).toBeGreaterThanOrEqual(0);
    expect(w.box.x + w.box.width).toBeLessThanOrEqual(page.pageSize.width + 0.01);
    expect(w.box.y + w.box.height).toBeLessThanOrEqual(page.pageSize.height + 0.01);
  }
}

describe('recognizePage', () => {
  it('reads an upright page with boxes in points and character edges', async () => {
    const page = renderLetter();
    const result = await engine.recognizePage({ data: page.gray, width: page.width, height: page.height, dpi: DPI }, page.pageSize);
    expectLetter(result, page);
    expect(result.rotation).toBe(0);
    expect(result.confidence).toBeGreaterThan(85);
    expect(result.lowConfidence).toBe(false);
    expect(lowConfidenceWords(result.words, 50)).toEqual([]);

    const email = find(result, 'j.devries@gemeente.nl');
    expect(email.charEdges).toHaveLength(email.text.length + 1);
    expect(email.charEdges[0]).toBeCloseTo(email.box.x, 5);
    expect(email.charEdges.at(-1)).toBeCloseTo(email.box.x + email.box.width, 5);
    for (let i = 1; i < email.charEdges.length; i++) expect(email.charEdges[i]!).toBeGreaterThanOrEqual(email.charEdges[i - 1]!);
    // The "@" boundary lies where DejaVu puts it: the local part is 10 of 21 glyphs, but "@" is
    // wide and "j" and "." narrow, so a proportional split would be off by several points.
    const at = email.text.indexOf('@');
    const local = `j.devries`;
    const drawn = page.words.find((w) => w.text === email.text)!;
    const share = localShare(local, email.text);
    expect(Math.abs(email.charEdges[at]! - (drawn.box.x + share * drawn.box.width))).toBeLessThan(TOLERANCE);
  });

  it('takes a PNG as well as raw gray', async () => {
    const page = renderLetter();
    const result = await engine.recognizePage({ data: page.png, width: page.width, height: page.height, dpi: DPI }, page.pageSize);
    expectLetter(result, page);
  });

  it.each([90, 180, 270])('reads a page turned %i° and maps boxes back onto it', async (turn) => {
    const page = renderLetter(turn);
    const result = await engine.recognizePage({ data: page.gray, width: page.width, height: page.height, dpi: DPI }, page.pageSize);
    expect(result.rotation).toBe(turn);
    expectLetter(result, page);
    // No character geometry on turned text: partial-word spans fall back to the whole word.
    expect(result.words.every((w) => w.charEdges.length === 0)).toBe(true);
  });

  it('reads a page skewed by 1.5°', async () => {
    const page = renderLetter(1.5);
    const result = await engine.recognizePage({ data: page.gray, width: page.width, height: page.height, dpi: DPI }, page.pageSize);
    expect(result.rotation).toBe(0);
    expectLetter(result, page);
  });

  it('finds nothing on a blank page without flagging it', async () => {
    const width = 600;
    const height = 300;
    const result = await engine.recognizePage({ data: Buffer.alloc(width * height, 255), width, height, dpi: DPI }, { width: 144, height: 72 });
    expect(result).toEqual({ words: [], confidence: 0, rotation: 0, lowConfidence: false });
  });

  it('rejects raw data of the wrong size', async () => {
    await expect(engine.recognizePage({ data: Buffer.alloc(10), width: 100, height: 100, dpi: DPI }, { width: 24, height: 24 })).rejects.toThrow(/8-bit gray/);
  });
});

/** Fraction of the ink width of `word` taken by its first `prefix` characters, measured with the font. */
function localShare(prefix: string, word: string): number {
  return renderLetterMeasure(prefix) / renderLetterMeasure(word);
}

import { canvasModule } from '../src/canvas.js';
function renderLetterMeasure(text: string): number {
  const ctx = canvasModule.createCanvas(10, 10).getContext('2d');
  ctx.font = '50px "DejaVu Sans"';
  return ctx.measureText(text).width;
}
