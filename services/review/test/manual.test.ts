import type { ExtractedDocument, Word } from '@woo/core';
import { describe, expect, it } from 'vitest';
import { boxOutsidePage, findOccurrences, snapToWords, wordsUnder } from '../src/manual.js';

/** Words laid out left to right on one line per array, 10 pt high, 20 pt apart vertically. */
function page(number: number, lines: string[][]): ExtractedDocument['pages'][number] {
  const words: Word[] = [];
  lines.forEach((line, row) => {
    let x = 50;
    for (const text of line) {
      const width = text.length * 6;
      words.push({ text, box: { x, y: 100 + row * 20, width, height: 10 }, charEdges: Array.from({ length: text.length + 1 }, (_, i) => x + i * 6) });
      x += width + 4;
    }
  });
  return { number, width: 595, height: 842, words, source: 'text-layer', needsOcr: false };
}

const doc: ExtractedDocument = {
  pages: [page(1, [['Overleg', 'met', 'Jan'], ['Jansen', 'over', 'de', 'aanvraag']]), page(2, [['Jan', 'Jansen', 'belt', 'terug']])],
};

describe('findOccurrences', () => {
  it('finds every occurrence, case-insensitively, also across a line break', () => {
    const found = findOccurrences(doc, 'jan  JANSEN');
    expect(found.map((f) => [f.page, f.boxes.length, f.text])).toEqual([
      [1, 2, 'Jan Jansen'], // one bar per line
      [2, 1, 'Jan Jansen'],
    ]);
  });

  it('matches whole words only: "Jan" is not found inside "Jansen"', () => {
    const found = findOccurrences(doc, 'jan');
    expect(found.map((f) => [f.page, f.text, f.boxes[0]!.width])).toEqual([
      [1, 'Jan', 18],
      [2, 'Jan', 18],
    ]);
    expect(findOccurrences(doc, 'Janse')).toEqual([]);
    expect(findOccurrences(doc, 'ansen')).toEqual([]);
  });

  it('lets an edge that is not a letter touch a word, and gives the words around a hit', () => {
    const mail: ExtractedDocument = { pages: [page(1, [['Mail', 'naar', 'j.smit@utrecht.nl', 'vandaag']])] };
    expect(findOccurrences(mail, '@utrecht.nl').map((f) => f.text)).toEqual(['@utrecht.nl']);
    expect(findOccurrences(mail, 'utrecht')).toEqual([expect.objectContaining({ text: 'utrecht', context: 'Mail naar j.smit@utrecht.nl vandaag' })]);
    const long: ExtractedDocument = { pages: [page(1, [['Voorafgaand', 'aan', 'het', 'overleg', 'over', 'de', 'aanvraag', 'belde', 'Jan', 'met', 'de', 'afdeling', 'vergunningen', 'en', 'handhaving', 'van', 'de', 'gemeente']])] };
    // about 40 characters either side, cut at whole words
    expect(findOccurrences(long, 'jan')[0]!.context).toBe('aan het overleg over de aanvraag belde Jan met de afdeling vergunningen en');
  });

  it('treats the text literally, not as a pattern', () => {
    expect(findOccurrences(doc, 'J.n')).toEqual([]);
    expect(findOccurrences(doc, '   ')).toEqual([]);
  });
});

describe('wordsUnder', () => {
  it('names the words a drawn box covers', () => {
    expect(wordsUnder(doc.pages[0]!, [{ x: 40, y: 118, width: 60, height: 14 }])).toBe('Jansen over');
  });
});

describe('boxOutsidePage', () => {
  const a4 = { width: 595, height: 842 };
  it('accepts boxes on the page, forgiving half a point of rounding', () => {
    expect(boxOutsidePage(a4, [{ x: 0, y: 0, width: 595, height: 842 }, { x: 500, y: 800, width: 95.4, height: 42.3 }])).toBeUndefined();
  });
  it('names the first box that is empty or sticks out', () => {
    expect(boxOutsidePage(a4, [{ x: 10, y: 10, width: 5, height: 5 }, { x: 590, y: 10, width: 20, height: 5 }])).toBe(2);
    expect(boxOutsidePage(a4, [{ x: -3, y: 10, width: 5, height: 5 }])).toBe(1);
    expect(boxOutsidePage(a4, [{ x: 10, y: 840, width: 5, height: 5 }])).toBe(1);
    expect(boxOutsidePage(a4, [{ x: 10, y: 10, width: 0, height: 5 }])).toBe(1);
  });
});

describe('snapToWords', () => {
  it('replaces a drawn box by the boxes of the words it touches, and keeps a box over no words', () => {
    const first = doc.pages[0]!;
    const drawn = { x: 60, y: 102, width: 40, height: 4 }; // half over "Overleg", half over "met"
    expect(snapToWords(first, [drawn])).toEqual([first.words[0]!.box, first.words[1]!.box]);
    const empty = { x: 400, y: 400, width: 20, height: 20 };
    expect(snapToWords(first, [empty])).toEqual([empty]);
  });
});
