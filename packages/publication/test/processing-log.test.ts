import { describe, expect, it } from 'vitest';
import { processedFile, processingTotals } from '../src/processing-log.js';

const read = { findings: [{ page: 2, kind: 'unread' as const, message: 'Pagina 2: een deel kon niet worden gelezen.' }], ocrPages: [{ page: 2, confidence: 41, lowConfidence: true }] };

describe('processing log', () => {
  it('counts blacked-out redactions and open suggestions apart, and lists the pages OCR read', () => {
    const entry = processedFile({
      file: 'brief Jansen.pdf',
      number: 1,
      status: 'exported',
      pages: 3,
      redactions: [{ status: 'accepted' }, { status: 'manual' }, { status: 'rejected' }, { status: 'suggested' }],
      pagesToReview: [2],
      ...read,
    });
    expect(entry).toEqual({
      file: 'brief Jansen.pdf',
      number: 1,
      status: 'exported',
      pages: 3,
      redactions: 2,
      openSuggestions: 1,
      pagesToReview: [2],
      ocrPages: [2],
      findings: ['Pagina 2: een deel kon niet worden gelezen.'],
    });
  });

  it('gives a failed document its error instead of findings, and counts it as failed in the totals', () => {
    const failed = processedFile({ file: 'leeg.pdf', number: 2, status: 'failed', pages: 0, redactions: [], pagesToReview: [], findings: [], ocrPages: [], error: { message: 'Dit bestand is leeg.', code: 'empty' } });
    expect(failed).toMatchObject({ error: 'Dit bestand is leeg.', errorCode: 'empty' });
    expect(failed).not.toHaveProperty('findings');
    const ok = processedFile({ file: 'a.pdf', number: 1, status: 'exported', pages: 3, redactions: [{ status: 'accepted' }, { status: 'suggested' }], pagesToReview: [2, 3], ...read });
    expect(processingTotals([ok, failed])).toEqual({ documents: 2, failed: 1, pages: 3, redactions: 1, openSuggestions: 1, pagesToReview: 2 });
  });
});
