import type { ExtractedDocument, Page, Redaction } from '@woo/core';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../fixtures/generator/rng.js';
import { checkConsistency, documentView, entityVariants, findDuplicates, findWordOccurrences, isNameVariant, locateAll, phoneDigits, searchableVariants, tokens } from '../src/index.js';

/** A page of words laid out left to right, 6 pt per character, one line per string. */
function page(number: number, lines: readonly string[]): Page {
  const words = lines.flatMap((line, row) => {
    let x = 50;
    return line.split(' ').map((text) => {
      const box = { x, y: 100 + row * 20, width: text.length * 6, height: 12 };
      x += box.width + 6;
      return { text, box, charEdges: Array.from({ length: text.length + 1 }, (_, i) => box.x + i * 6) };
    });
  });
  return { number, width: 595, height: 842, words, source: 'text-layer', needsOcr: false };
}

function redactionOver(doc: ExtractedDocument, text: string, status: Redaction['status']): Redaction {
  const [where] = locateAll(doc, [text]);
  if (!where) throw new Error(`'${text}' is not in the document`);
  return { id: text, page: where.page, boxes: where.boxes, text, category: 'name', ground: '5.1.2e', confidence: 0.9, detector: 't', explanation: '', status, needsReview: false };
}

describe('whole-word matching', () => {
  it('never matches inside a longer word, and joins words by space, hyphen or line break alike', () => {
    expect(findWordOccurrences('Jan Jansen belde in januari met Jan.', 'Jan')).toEqual([[0, 3], [32, 35]]);
    expect(findWordOccurrences('het Verwey-Jonker Instituut en Verwey\nJonker', 'Verwey Jonker')).toHaveLength(2);
    expect(findWordOccurrences('mail j.jansen@gemeente.nl', 'j.jansen')).toEqual([[5, 13]]);
  });
});

describe('entities', () => {
  it('knows the name variants of one person, never a bare first name or another first name', () => {
    const name = 'Jan Pieter de Vries';
    for (const v of ['J.P. de Vries', 'J. de Vries', 'De Vries', 'de vries', 'Jan Pieter de Vries']) expect(isNameVariant(name, v), v).toBe(true);
    for (const v of ['Jan', 'Piet de Vries', 'K. de Vries', 'Jan van Vries', 'Jan de Vriesman']) expect(isNameVariant(name, v), v).toBe(false);
    const known = [
      { text: 'J. de Vries', category: 'name' as const },
      { text: 'Piet de Vries', category: 'name' as const },
      { text: 'De Vries', category: 'name' as const },
    ];
    const variants = entityVariants({ kind: 'person', name: 'Jan de Vries' }, known);
    expect(variants).toEqual(['Jan de Vries', 'J. de Vries', 'De Vries']);
    // only forms with a first name or initials are looked for where nothing was suggested
    expect(searchableVariants({ kind: 'person', name: 'Jan de Vries' }, variants)).toEqual(['Jan de Vries', 'J. de Vries']);
  });

  it('compares phone numbers by their digits, with +31 as a leading 0', () => {
    expect(phoneDigits('+31 6 1234 5678')).toBe(phoneDigits('06-12345678'));
    expect(phoneDigits('020 - 1234567')).toBe('0201234567');
  });
});

describe('duplicates', () => {
  /** Pages of random words from a small vocabulary, some copied with a few words changed. */
  function corpus(seed: number) {
    const rng = createRng(seed);
    const vocabulary = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const pages: string[] = [];
    for (let i = 0; i < 80; i++) {
      if (pages.length && rng.chance(0.4)) {
        const words = rng.pick(pages).split(' ');
        for (let k = rng.int(0, 4); k > 0; k--) words[rng.int(0, words.length - 1)] = rng.pick(vocabulary);
        pages.push(words.join(' '));
      } else {
        pages.push(Array.from({ length: rng.int(30, 200) }, () => rng.pick(vocabulary)).join(' '));
      }
    }
    return pages;
  }

  function shingleSet(text: string) {
    const w = tokens(text);
    return new Set(w.slice(0, -2).map((_, i) => w.slice(i, i + 3).join(' ')));
  }

  it('finds exactly the near-duplicate pages all-pairs comparison finds, against earlier documents only', () => {
    let near = 0;
    let belowThreshold = 0;
    for (const seed of [1, 2, 3]) {
      const pages = corpus(seed);
      const docs = pages.map((text, i) => ({ number: i + 1, pages: [text] }));
      const found = findDuplicates(docs);
      for (const doc of docs) {
        const f = found.get(doc.number)!;
        if (f.duplicateOf !== undefined) {
          expect(pages[f.duplicateOf - 1]).toBe(pages[doc.number - 1]);
          continue;
        }
        // the best earlier page by brute force, among pages that are not themselves exact copies
        const a = shingleSet(doc.pages[0]!);
        let best = 0;
        for (const other of docs.slice(0, doc.number - 1)) {
          if (found.get(other.number)!.duplicateOf !== undefined) continue;
          const b = shingleSet(other.pages[0]!);
          const shared = [...a].filter((s) => b.has(s)).length;
          best = Math.max(best, shared / (a.size + b.size - shared));
        }
        const listed = f.nearDuplicatePages[0];
        if (best >= 0.95) expect(listed?.similarity, `seed ${seed} doc ${doc.number}`).toBeCloseTo(best, 3);
        else expect(listed, `seed ${seed} doc ${doc.number}`).toBeUndefined();
        if (best >= 0.95) near++;
        else if (best > 0.8) belowThreshold++;
      }
    }
    // the corpus holds both sides of the threshold, so the comparison means something
    expect(near).toBeGreaterThan(10);
    expect(belowThreshold).toBeGreaterThan(10);
  });

  it('takes the same text in other bytes for an exact duplicate of the first, and ignores near-empty pages', () => {
    const found = findDuplicates([
      { number: 1, pages: ['Beste Jan, hierbij het verslag.', 'Pagina 2'] },
      { number: 2, pages: ['beste  jan,\nhierbij het verslag.', 'Pagina 2'] },
      { number: 3, pages: ['Beste Jan, hierbij het verslag.', 'Pagina 2'] },
      { number: 4, pages: ['', ''] },
      { number: 5, pages: ['', ''] },
    ]);
    expect(found.get(2)!.duplicateOf).toBe(1);
    expect(found.get(3)!.duplicateOf).toBe(1);
    expect(found.get(5)!.duplicateOf).toBeUndefined();
  });
});

describe('consistency', () => {
  it('lists a string redacted in one document and readable in another, with why', () => {
    const a: ExtractedDocument = { pages: [page(1, ['Klacht van mevrouw Sanne Visser over de buren'])] };
    const b: ExtractedDocument = { pages: [page(1, ['Intro']), page(2, ['Gesprek met Sanne Visser en Piet Puk gehad'])] };
    const c: ExtractedDocument = { pages: [page(1, ['Piet Puk belde; Sanne Visser ook'])] };
    const views = [
      documentView(1, 'a.pdf', a, [redactionOver(a, 'Sanne Visser', 'accepted')]),
      documentView(2, 'b.pdf', b, [redactionOver(b, 'Piet Puk', 'rejected')]),
      documentView(3, 'c.pdf', c, [redactionOver(c, 'Piet Puk', 'accepted'), redactionOver(c, 'Sanne Visser', 'accepted')]),
    ];
    const list = checkConsistency(views);
    expect(list.map((i) => [i.text, i.redactedIn.map((r) => r.document), i.visibleIn.map((v) => [v.document, v.page, v.reason])])).toEqual([
      ['Piet Puk', [3], [[2, 2, 'rejected']]],
      ['Sanne Visser', [1, 3], [[2, 2, 'not-suggested']]],
    ]);
    expect(checkConsistency(views, new Set(['piet puk', 'sanne visser']))).toEqual([]);
  });

  it('does not count a word that merely contains the string, or an occurrence covered by a longer redaction', () => {
    const a: ExtractedDocument = { pages: [page(1, ['Gesprek met Jansen'])] };
    const b: ExtractedDocument = { pages: [page(1, ['De Jansenstraat en Jan Jansen'])] };
    const views = [documentView(1, 'a.pdf', a, [redactionOver(a, 'Jansen', 'accepted')]), documentView(2, 'b.pdf', b, [redactionOver(b, 'Jan Jansen', 'accepted')])];
    expect(checkConsistency(views)).toEqual([]);
  });
});
