import { describe, expect, it } from 'vitest';
import { buildTextIndex, charRangeBox, spanBoxes, type Page, type Word } from '../src/index.js';

/** A word laid out at (x, y) with a fixed advance per character, like a monospaced font. */
function word(text: string, x: number, y: number, advance = 6, height = 12): Word {
  const charEdges = Array.from({ length: text.length + 1 }, (_, i) => x + i * advance);
  return { text, box: { x, y, width: text.length * advance, height }, charEdges };
}

function line(texts: string[], x: number, y: number, gap = 4): Word[] {
  const words: Word[] = [];
  for (const t of texts) {
    const w = word(t, x, y);
    words.push(w);
    x += w.box.width + gap;
  }
  return words;
}

function page(number: number, words: Word[]): Page {
  return { number, width: 595, height: 842, words, source: 'text-layer', needsOcr: false };
}

describe('buildTextIndex', () => {
  it('joins words by spaces, lines by newlines, columns by tabs and pages by form feeds', () => {
    const p1 = page(1, [...line(['Aan:'], 50, 100), ...line(['Wethouder', 'Jansen'], 200, 100), ...line(['tweede', 'regel'], 50, 120)]);
    const p2 = page(2, line(['pagina', 'twee'], 50, 100));
    const index = buildTextIndex([p1, p2]);
    expect(index.text).toBe('Aan:\tWethouder Jansen\ntweede regel\fpagina twee');
    expect(index.text.length).toBe(index.pageOf.length);
    const j = index.text.indexOf('Jansen');
    expect([index.pageOf[j], index.wordOf[j], index.charOf[j]]).toEqual([0, 2, 0]);
    expect(index.pageOf[index.text.indexOf('\f')]).toBe(-1);
  });
});

describe('spanBoxes', () => {
  const words = [...line(['Mail', 'a.brouwer@amsterdam.nl', 'of', 'bel'], 50, 100), ...line(['Sanne', 'de', 'Vries', 'morgen'], 50, 130)];
  const pages = [page(1, words), page(2, line(['Sanne', 'de'], 50, 700)), page(3, line(['Vries', 'belde'], 50, 60))];
  const index = buildTextIndex(pages);

  it('covers only part of a word when the span does (local part of an e-mail address)', () => {
    const start = index.text.indexOf('a.brouwer');
    const [part] = spanBoxes(index, pages, start, start + 'a.brouwer'.length);
    const mail = words[1]!;
    expect(part!.page).toBe(1);
    expect(part!.boxes).toHaveLength(1);
    expect(part!.boxes[0]!.x).toBeCloseTo(mail.box.x);
    expect(part!.boxes[0]!.width).toBeCloseTo(9 * 6);
  });

  it('merges the words of a name on one line into one bar', () => {
    const start = index.text.indexOf('Sanne de Vries');
    const [part] = spanBoxes(index, pages, start, start + 'Sanne de Vries'.length);
    expect(part!.boxes).toHaveLength(1);
    const box = part!.boxes[0]!;
    expect(box.x).toBeCloseTo(50);
    expect(box.x + box.width).toBeCloseTo(words[6]!.box.x + words[6]!.box.width);
  });

  it('splits a name broken over a page into one box per page', () => {
    const text = 'Sanne de\fVries';
    const start = index.text.indexOf(text);
    const parts = spanBoxes(index, pages, start, start + text.length);
    expect(parts.map((p) => p.page)).toEqual([2, 3]);
    expect(parts.every((p) => p.boxes.length === 1)).toBe(true);
  });
});

describe('buildTextIndex on OCR words', () => {
  it('follows the OCR line ids rather than the boxes (a page scanned upside down)', () => {
    // upside down: reading order runs right to left and bottom to top on the page as it lies
    const words = ['Sanne', 'de', 'Vries', 'belde'].map((t, i) => ({ ...word(t, 500 - i * 40, 700), line: i < 3 ? 0 : 1 }));
    const index = buildTextIndex([page(1, words)]);
    expect(index.text).toBe('Sanne de Vries\nbelde');
  });
});

describe('charRangeBox', () => {
  it('boxes part of an upright word by its character edges, and all of a turned word', () => {
    const upright = word('j.jansen@gemeente.nl', 100, 200);
    expect(charRangeBox(upright, 0, 8)).toEqual({ x: 100, y: 200, width: 48, height: 12 });
    // sideways text: its edges say nothing across the glyphs, so no sliver along the baseline
    const turned: Word = { ...word('j.jansen@gemeente.nl', 100, 200), box: { x: 100, y: 200, width: 12, height: 120 }, angle: 90 };
    expect(charRangeBox(turned, 0, 8)).toEqual(turned.box);
  });
});
