import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_GROUND, type Box, type ExtractedDocument, type Redaction, type Word } from '@woo/core';
import { dropAnnotationEchoes } from '../src/annotation-echoes.js';

const row: Box = { x: 300, y: 100, width: 200, height: 20 };
const word = (text: string, box: Box, source?: Word['source']): Word => ({ text, box, charEdges: [box.x, box.x + box.width], ...(source ? { source } : {}) });
const doc: ExtractedDocument = {
  pages: [{ number: 1, width: 595, height: 842, source: 'mixed', needsOcr: false, words: [word('Sanne', row, 'annotation'), word('Bakker', row, 'annotation'), word('Sanne', { x: 360, y: 104, width: 30, height: 10 }, 'ocr')] }],
};
const redaction = (id: string, text: string, boxes: Box[]): Redaction => ({
  id, page: 1, boxes, text, category: 'name', ground: PERSONAL_DATA_GROUND, confidence: 0.9, detector: 'test', explanation: '', status: 'suggested', needsReview: false,
});

describe('dropAnnotationEchoes', () => {
  const exact = redaction('ocr', 'Sanne Bakker', [{ x: 360, y: 104, width: 70, height: 10 }]);
  const fromRow = redaction('row', 'Sanne Bakker', [row]);

  it('drops the row box where OCR read the same text inside it', () => {
    expect(dropAnnotationEchoes(doc, [fromRow, exact]).map((r) => r.id)).toEqual(['ocr']);
  });

  it('keeps the row box where OCR read something else, or nothing', () => {
    const misread = { ...exact, text: 'Sanne Bakkcr' };
    expect(dropAnnotationEchoes(doc, [fromRow, misread]).map((r) => r.id)).toEqual(['row', 'ocr']);
    expect(dropAnnotationEchoes(doc, [fromRow]).map((r) => r.id)).toEqual(['row']);
  });

  it('keeps the row box where the same text was read elsewhere on the page', () => {
    const elsewhere = { ...exact, boxes: [{ x: 60, y: 600, width: 70, height: 10 }] };
    expect(dropAnnotationEchoes(doc, [fromRow, elsewhere]).map((r) => r.id)).toEqual(['row', 'ocr']);
  });
});
