import { describe, expect, it } from 'vitest';
import { buildTextIndex, type Word } from '@woo/core';
import { rowOrder } from '../src/rows.js';

function w(text: string, x: number, y: number, line: number): Word {
  const width = text.length * 6;
  return { text, box: { x, y, width, height: 12 }, charEdges: [], line };
}

describe('rowOrder', () => {
  it('puts a form label and its value on one line again, in reading order', () => {
    // tesseract order: the label column as one block, then the value column; the value column is
    // skewed (each word 1 pt lower than the one before)
    const words = [
      w('Aan:', 50, 100, 0), w('Van:', 50, 130, 1),
      w('Wethouder', 200, 101, 2), w('Jansen', 270, 102, 2),
      w('Sanne', 200, 131, 3), w('de', 240, 132, 3), w('Vries,', 260, 133, 3),
    ];
    const text = buildTextIndex([{ number: 1, width: 595, height: 842, words: rowOrder(words), source: 'ocr', needsOcr: false }]).text;
    expect(text).toBe('Aan:\tWethouder Jansen\nVan:\tSanne de Vries,');
  });

  it('keeps stacked lines of one paragraph apart', () => {
    const words = [w('eerste', 50, 100, 0), w('regel', 100, 100, 0), w('tweede', 50, 114, 1), w('regel', 100, 114, 1)];
    expect(rowOrder(words).map((x) => `${x.text}@${x.line}`)).toEqual(['eerste@0', 'regel@0', 'tweede@1', 'regel@1']);
  });
});
