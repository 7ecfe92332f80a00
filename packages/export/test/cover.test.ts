import { describe, expect, it } from 'vitest';
import type { Word } from '@woo/core';
import { registerLabelFont } from '../src/fonts.js';
import { keptFragments } from '../src/cover.js';
import { paintRedactions } from '../src/paint.js';
import { createCanvas } from '@napi-rs/canvas';

// "(j.jansen@amsterdam.nl)" with 5 pt per character
const text = '(j.jansen@amsterdam.nl)';
const word: Word = { text, box: { x: 100, y: 50, width: 5 * text.length, height: 12 }, charEdges: Array.from({ length: text.length + 1 }, (_, i) => 100 + 5 * i) };

describe('keptFragments', () => {
  it('keeps only the characters entirely outside the box, as separate fragments', () => {
    const local = { x: 105, y: 50, width: 5 * 'j.jansen'.length, height: 12 };
    expect(keptFragments(word, [local]).map((f) => f.text)).toEqual(['(', '@amsterdam.nl)']);
  });

  it('drops a character the box only grazes', () => {
    const grazing = { x: 104, y: 50, width: 40, height: 12 };
    expect(keptFragments(word, [grazing]).map((f) => f.text)).toEqual(['@amsterdam.nl)']);
  });

  it('ignores boxes on the next line that only touch the descent', () => {
    const below = { x: 100, y: 60, width: 200, height: 12 };
    expect(keptFragments(word, [below]).map((f) => f.text)).toEqual([text]);
  });
});

describe('paintRedactions', () => {
  const blank = () => {
    registerLabelFont();
    const canvas = createCanvas(200, 100);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 200, 100);
    return ctx;
  };

  it('paints small boxes black without an illegible label', () => {
    const ctx = blank();
    const drawn = paintRedactions(ctx, [{ box: { x: 10, y: 10, width: 6, height: 4 }, label: '5.1.2e' }, { box: { x: 20, y: 5, width: 40, height: 10 }, label: '5.1.2e' }], 2);
    expect(drawn).toEqual([false, true]);
    const px = ctx.getImageData(24, 24, 2, 2).data;
    expect([...px].filter((_, i) => i % 4 !== 3).every((v) => v === 0)).toBe(true);
  });

  it('labels only one of two overlapping boxes, and no later fill cuts it', () => {
    const ctx = blank();
    const first = { x: 10, y: 10, width: 40, height: 12 };
    const drawn = paintRedactions(ctx, [{ box: first, label: '5.1.2e' }, { box: { ...first, x: 30 }, label: '5.1.2e' }], 2);
    expect(drawn).toEqual([true, false]);
    // white label pixels remain inside the first box where the second overlaps it
    const px = ctx.getImageData(60, 20, 40, 24).data;
    expect([...px].some((v, i) => i % 4 === 0 && v > 128)).toBe(true);
  });
});
