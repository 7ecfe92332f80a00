import { describe, expect, it } from 'vitest';
import { pageStates } from '../src/PageThumbnails.js';
import type { Redaction } from '../src/types.js';

const on = (page: number, status: Redaction['status']): Redaction => ({
  id: `${page}-${status}`,
  documentId: 'd',
  page,
  boxes: [],
  text: 'x',
  category: 'name',
  ground: '5.1.2e',
  additionalGrounds: [],
  confidence: 1,
  detector: 'test',
  explanation: '',
  status,
});

describe('page states for the thumbnails', () => {
  it('marks pages with open suggestions, pages with nothing open, and pages a reviewer checked', () => {
    const redactions = [on(1, 'accepted'), on(2, 'suggested'), on(2, 'rejected'), on(4, 'suggested')];
    expect(pageStates(redactions, 5, new Set([4, 5]))).toEqual(['niets-open', 'open', 'niets-open', 'gecontroleerd', 'gecontroleerd']);
  });
});
