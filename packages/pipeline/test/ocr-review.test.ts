import { describe, expect, it } from 'vitest';
import { applyExportPolicy, PERSONAL_DATA_GROUND, type ExtractedDocument, type Page, type Redaction, type Word } from '@woo/core';
import { ocrPageSummaries, reviewOcrUncertainty, uncertainKind, UNCERTAIN_WORD_DETECTOR } from '../src/ocr-review.js';

/** Words on one line, left to right, 40 pt apart. */
function words(...items: Array<[string, number?]>): Word[] {
  return items.map(([text, confidence], i) => ({
    text,
    box: { x: 10 + i * 40, y: 100, width: 35, height: 10 },
    charEdges: [],
    ...(confidence === undefined ? {} : { confidence }),
    line: 0,
  }));
}

function page(number: number, ws: Word[], source: Page['source'] = 'ocr'): Page {
  const confidences = ws.map((w) => w.confidence ?? 0);
  return {
    number,
    width: 400,
    height: 600,
    words: ws,
    source,
    needsOcr: false,
    ...(source === 'ocr' ? { ocrConfidence: confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0 } : {}),
  };
}

function redaction(id: string, pageNumber: number, word: Word): Redaction {
  return {
    id,
    page: pageNumber,
    boxes: [{ ...word.box }],
    text: word.text,
    category: 'name',
    ground: PERSONAL_DATA_GROUND,
    confidence: 0.9,
    detector: 'name/test',
    explanation: 'test',
    status: 'suggested',
    needsReview: false,
  };
}

describe('uncertainKind', () => {
  it.each([
    ['Jansscn', 'name'],
    ['Doğan,', 'name'],
    ['El-Idrissi', 'name'],
    ['BALDEWSINGH', 'name'],
    ['j.jansen@gmai1.com', 'email'],
    ['@ziggo.nl)', 'email'],
    ['06-1234', 'phone'],
    ['(020)', undefined],
    ['061234S678', 'phone'],
    ['+31', undefined],
    ['+316-12', 'phone'],
    ['Geachte', undefined],
    ['Met', undefined],
    ['aanvraag', undefined],
    ['Jo', undefined],
    ['|', undefined],
    ['2025', undefined],
  ])('%s -> %s', (text, category) => {
    expect(uncertainKind(text)?.category).toBe(category);
  });
});

describe('reviewOcrUncertainty', () => {
  it('suggests uncertain name-like, e-mail and phone words for review, never applied by the unattended policy', () => {
    const ws = words(['Geachte', 95], ['heer', 96], ['Jansscn,', 41], ['mail', 93], ['jjansen@gmai1', 35], ['bel', 90], ['06-1234S', 30], ['groet', 20]);
    const doc: ExtractedDocument = { pages: [page(1, ws)] };
    const out = reviewOcrUncertainty(doc, []);
    const added = out.filter((r) => r.detector === UNCERTAIN_WORD_DETECTOR);
    expect(added.map((r) => [r.text, r.category])).toEqual([
      ['Jansscn,', 'name'],
      ['jjansen@gmai1', 'email'],
      ['06-1234S', 'phone'],
    ]);
    for (const r of added) {
      expect(r).toMatchObject({ status: 'suggested', needsReview: true, page: 1, ground: PERSONAL_DATA_GROUND });
      expect(r.confidence).toBeLessThan(0.5);
      expect(r.explanation).toMatch(/^onzeker herkend woord/);
    }
    expect(added.find((r) => r.category === 'name')!.explanation).toContain('onzeker herkend woord dat op een naam lijkt');
    expect(new Set(out.map((r) => r.id)).size).toBe(out.length);
    // flagged, not blacked out: the reviewer decides
    expect(applyExportPolicy(out, 'accept-suggested').filter((r) => r.status === 'accepted')).toEqual([]);
  });

  it('marks a detection over an uncertain word for review instead of suggesting the word again', () => {
    const ws = words(['Beste', 95], ['Jansscn,', 41], ['Pietersen', 94]);
    const doc: ExtractedDocument = { pages: [page(1, ws)] };
    const detected = [redaction('r1', 1, ws[1]!), redaction('r2', 1, ws[2]!)];
    const out = reviewOcrUncertainty(doc, detected);
    expect(out).toHaveLength(2);
    expect(out.find((r) => r.id === 'r1')!.needsReview).toBe(true);
    expect(out.find((r) => r.id === 'r2')!.needsReview).toBe(false);
    // the input is not changed
    expect(detected[0]!.needsReview).toBe(false);
  });

  it('numbers new suggestions after the existing ids', () => {
    const ws = words(['Pietersen', 94], ['Jansscn', 41]);
    const out = reviewOcrUncertainty({ pages: [page(1, ws)] }, [redaction('r7', 1, ws[0]!)]);
    expect(out.map((r) => r.id)).toEqual(['r7', 'r8']);
  });

  it('leaves text-layer pages alone', () => {
    const ws = words(['Jansscn', undefined]);
    expect(reviewOcrUncertainty({ pages: [page(1, ws, 'text-layer')] }, [])).toEqual([]);
  });

  it('flags every redaction on a page read poorly, and reports the page', () => {
    const poor = words(['Jan', 40], ['Jansen', 45], ['woont', 50], ['hier', 30]);
    const good = words(['Piet', 95], ['Bakker', 92]);
    const doc: ExtractedDocument = {
      pages: [page(1, poor), page(2, good), page(3, [], 'ocr'), page(4, words(['tekst', undefined]), 'text-layer')],
    };
    const out = reviewOcrUncertainty(doc, [redaction('r1', 1, poor[1]!), redaction('r2', 2, good[1]!)]);
    expect(out.find((r) => r.id === 'r1')!.needsReview).toBe(true);
    expect(out.find((r) => r.id === 'r2')!.needsReview).toBe(false);
    expect(ocrPageSummaries(doc)).toEqual([
      { page: 1, confidence: 41, lowConfidence: true },
      { page: 2, confidence: 94, lowConfidence: false },
      // a blank page was not read poorly: there was nothing to read
      { page: 3, confidence: 0, lowConfidence: false },
    ]);
  });
});
