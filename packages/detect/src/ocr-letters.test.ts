import { describe, expect, it } from 'vitest';
import { createDetector } from './index.js';
import { withMisreadLetters } from './ocr-letters.js';

const names = (text: string) => createDetector().detect(text).filter((d) => d.category === 'name').map((d) => d.text);

describe('letters OCR read as symbols', () => {
  it('reads a symbol inside a word as the letter, and leaves symbols elsewhere alone', () => {
    expect(withMisreadLetters('Babi¢ en Zieli£ski')).toBe('Babic en Zielilski');
    expect(withMisreadLetters('Prijs: 12 € of © 2024')).toBe('Prijs: 12 € of © 2024');
  });

  it('finds a name whose surname OCR ended in a symbol', () => {
    expect(names('Zeljko Babi¢\nKastanjelaan 119')).toEqual(['Zeljko Babic']);
  });
});

describe('an unknown given name before a surname of the document', () => {
  it('joins the name when written the same way', () => {
    expect(names('GEZIEN EN AKKOORD\nYULIANUS SEDOC\nMet groet,\nY. Sedoc')).toEqual(['YULIANUS SEDOC', 'Y. Sedoc']);
  });

  it('never takes an ordinary word or a differently written word with it', () => {
    expect(names('AKKOORD SEDOC\nMet groet,\nY. Sedoc')).toEqual(['SEDOC', 'Y. Sedoc']);
    expect(names('Bel YULIANUS Sedoc\nMet groet,\nY. Sedoc')).not.toContain('YULIANUS Sedoc');
  });
});
