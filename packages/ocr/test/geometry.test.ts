import { describe, expect, it } from 'vitest';
import type { Word } from '@woo/core';
import { boxToOriginal, boxToTurned, turnUpright, type Rotation } from '../src/orientation.js';
import { pixelCharEdges, verticalTextRotation, type RecognizedWord } from '../src/words.js';
import { lowConfidenceWords } from '../src/index.js';

const ROTATIONS: Rotation[] = [0, 90, 180, 270];

describe('orientation', () => {
  // A 5x3 image with one dark pixel at (4, 1): wherever a turn moves it, the box maps follow.
  const width = 5;
  const height = 3;
  const image = { data: new Uint8Array(width * height).fill(255), width, height };
  image.data[1 * width + 4] = 0;

  it.each(ROTATIONS)('turnUpright %i and the box maps agree', (rotation) => {
    const turned = turnUpright(image, rotation);
    const at = turned.data.indexOf(0);
    const pixel = { x0: at % turned.width, y0: Math.floor(at / turned.width), x1: (at % turned.width) + 1, y1: Math.floor(at / turned.width) + 1 };
    expect(boxToOriginal(pixel, rotation, width, height)).toEqual({ x0: 4, y0: 1, x1: 5, y1: 2 });
    expect(boxToTurned({ x0: 4, y0: 1, x1: 5, y1: 2 }, rotation, width, height)).toEqual(pixel);
    expect([turned.width, turned.height]).toEqual(rotation % 180 ? [height, width] : [width, height]);
  });

  it('a quarter turn counter-clockwise undoes text turned clockwise', () => {
    // Counter-clockwise, the top-right corner of the original becomes the top-left one.
    const marked = { data: new Uint8Array(width * height).fill(255), width, height };
    marked.data[4] = 0;
    expect(turnUpright(marked, 90).data.indexOf(0)).toBe(0);
  });
});

function word(text: string, box: RecognizedWord['box'], line = 0, symbols?: RecognizedWord['symbols']): RecognizedWord {
  return { text, confidence: 90, box, line, lineHeight: 10, ...(symbols ? { symbols } : {}) };
}

describe('words', () => {
  it('places character edges between symbol boxes', () => {
    const w = word('ab', { x0: 0, y0: 0, x1: 20, y1: 10 }, 0, [
      { text: 'a', box: { x0: 0, y0: 0, x1: 8, y1: 10 } },
      { text: 'b', box: { x0: 12, y0: 0, x1: 20, y1: 10 } },
    ]);
    expect(pixelCharEdges(w)).toEqual([0, 10, 20]);
  });

  it('stretches the symbol span onto a word box that was moved onto the ink', () => {
    // tesseract's symbols run to x=40, the ink (and the snapped word box) ends at 20: the last
    // characters must not collapse onto the word's right edge (they would escape a box over it)
    const symbols = [...'abcd'].map((text, i) => ({ text, box: { x0: i * 10, y0: 0, x1: i * 10 + 8, y1: 10 } }));
    const edges = pixelCharEdges(word('abcd', { x0: 0, y0: 0, x1: 20, y1: 10 }, 0, symbols));
    expect(edges[0]).toBe(0);
    expect(edges.at(-1)).toBe(20);
    for (let i = 1; i < edges.length; i++) expect(edges[i]! - edges[i - 1]!).toBeGreaterThan(2);
  });

  it('falls back to proportional edges without matching symbols', () => {
    expect(pixelCharEdges(word('abcd', { x0: 10, y0: 0, x1: 30, y1: 5 }))).toEqual([10, 15, 20, 25, 30]);
  });

  it('tells text tesseract turned itself from tall word boxes and their order', () => {
    const down = [word('Jan', { x0: 0, y0: 0, x1: 10, y1: 30 }), word('Vries', { x0: 0, y0: 40, x1: 10, y1: 90 })];
    expect(verticalTextRotation(down)).toBe(90);
    expect(verticalTextRotation([...down].reverse().map((w, i) => ({ ...w, line: 0, text: i ? 'Jan' : 'Vries' })))).toBe(270);
    expect(verticalTextRotation([word('Jan', { x0: 0, y0: 0, x1: 30, y1: 10 })])).toBe(0);
  });

  it('lists low-confidence OCR words only', () => {
    const words: Word[] = [
      { text: 'a', box: { x: 0, y: 0, width: 1, height: 1 }, charEdges: [0, 1], confidence: 30 },
      { text: 'b', box: { x: 0, y: 0, width: 1, height: 1 }, charEdges: [0, 1], confidence: 95 },
      { text: 'c', box: { x: 0, y: 0, width: 1, height: 1 }, charEdges: [0, 1] },
    ];
    expect(lowConfidenceWords(words, 60).map((w) => w.text)).toEqual(['a']);
  });
});

describe('correctIban', () => {
  it('puts back digits OCR read as letters, only when the IBAN then checks out', async () => {
    const { correctIban } = await import('../src/words.js');
    expect(correctIban('NLO9INGB9614258454')).toBe('NL09INGB9614258454');
    expect(correctIban('(NLO9INGB96l4258454),')).toBe('(NL09INGB9614258454),');
    expect(correctIban('NLO8INGB9614258454')).toBe('NLO8INGB9614258454');
    expect(correctIban('NL09INGB9614258454')).toBe('NL09INGB9614258454');
  });
});

describe('joinSplitEmails', () => {
  it('joins an address OCR split at "_" or before "@", and nothing else', async () => {
    const { joinSplitEmails } = await import('../src/words.js');
    const at = (text: string, x0: number, x1: number, line = 0): RecognizedWord => ({ ...word(text, { x0, y0: 0, x1, y1: 10 }, line), confidence: 80 });
    const joined = joinSplitEmails([at('zoe', 0, 30), at('_baldewsingh@xs4all.nl', 33, 200), at('+31629211121', 230, 330)]);
    expect(joined.map((w) => w.text)).toEqual(['zoe_baldewsingh@xs4all.nl', '+31629211121']);
    expect(joined[0]!.box).toEqual({ x0: 0, y0: 0, x1: 200, y1: 10 });
    expect(joinSplitEmails([at('terbeek.jelmer7', 0, 100), at('@ziggo.nl', 103, 160)]).map((w) => w.text)).toEqual(['terbeek.jelmer7@ziggo.nl']);
    // a wide gap, another line, running text, two whole addresses: left alone
    expect(joinSplitEmails([at('zoe', 0, 30), at('_baldewsingh@xs4all.nl', 50, 200)])).toHaveLength(2);
    expect(joinSplitEmails([at('zoe', 0, 30), at('_baldewsingh@xs4all.nl', 33, 200, 1)])).toHaveLength(2);
    expect(joinSplitEmails([at('mail', 0, 30), at('naar', 33, 60)])).toHaveLength(2);
    expect(joinSplitEmails([at('a@b.nl', 0, 30), at('.c@d.nl', 33, 60)])).toHaveLength(2);
  });
});

describe('inkOrientation', () => {
  it('tells upright print from upside down by where ascenders and descenders put ink, and abstains on a quarter turn', async () => {
    const { inkOrientation } = await import('../src/orientation.js');
    const { renderLetter } = await import('./render.js');
    const gray = (turn: number) => {
      const page = renderLetter(turn);
      return { data: new Uint8Array(page.gray), width: page.width, height: page.height };
    };
    expect(inkOrientation(gray(0))).toBe(0);
    expect(inkOrientation(gray(1.5))).toBe(0);
    expect(inkOrientation(gray(180))).toBe(180);
    expect(inkOrientation(gray(90))).not.toBe(180);
    expect(inkOrientation({ data: new Uint8Array(600 * 300).fill(255), width: 600, height: 300 })).toBeUndefined();
  });
});
