import { describe, expect, it } from 'vitest';
import type { Word } from '@woo/core';
import { registerLabelFont } from '../src/fonts.js';
import { keptFragments } from '../src/cover.js';
import { paintRedaction } from '../src/paint.js';
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

describe('paintRedaction', () => {
  it('paints small boxes black without an illegible label', () => {
    registerLabelFont();
    const canvas = createCanvas(200, 100);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 200, 100);
    expect(paintRedaction(ctx, { x: 10, y: 10, width: 6, height: 4 }, 1, '5.1.2e')).toBe(false);
    expect(paintRedaction(ctx, { x: 40, y: 10, width: 80, height: 20 }, 2, '5.1.2e')).toBe(true);
    const px = ctx.getImageData(12, 11, 2, 2).data;
    expect([...px].filter((_, i) => i % 4 !== 3).every((v) => v === 0)).toBe(true);
  });
});
