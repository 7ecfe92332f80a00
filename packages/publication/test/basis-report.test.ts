import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Redaction } from '@woo/core';
import { basisReportPdf } from '../src/basis-report.js';
import { publishedFileName } from '../src/published-name.js';

function redaction(ground: Redaction['ground'], additionalGrounds?: Redaction['ground'][]): Redaction {
  const r: Redaction = { id: 'r', page: 1, boxes: [], text: 'Geheime Naam', category: 'name', ground, confidence: 1, detector: 't', explanation: '', status: 'accepted', needsReview: false };
  return additionalGrounds ? Object.assign(r, { additionalGrounds }) : r;
}

describe('onderbouwingsrapport', () => {
  it('counts per ground with the Dutch description, hashes, settings and who decided; never the removed text', async () => {
    const hash = 'a'.repeat(64);
    const pdf = await basisReportPdf({
      madeAt: new Date('2025-05-01T10:00:00Z'),
      toolVersion: '0.1.0',
      settings: [['Resolutie', '150 dpi']],
      decidedBy: 'J. Jansen, jurist',
      entries: [
        { number: 1, documentId: 'x1', title: 'Document 1', pages: 1, redactions: [redaction('5.1.2e'), redaction('5.1.2e', ['5.1.2i'])] },
        { number: 2, documentId: 'x2', title: 'Document 2', pages: 0, redactions: [], error: 'Dit bestand is leeg.' },
      ],
      hashes: new Map([[1, { original: hash, published: 'b'.repeat(64) }], [2, { original: 'c'.repeat(64) }]]),
    });
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('5.1.2e (art. 5.1 lid 2 sub e Woo): Eerbiediging van de persoonlijke levenssfeer. Aantal lakkingen: 2.');
    expect(text).toContain('5.1.2i (art. 5.1 lid 2 sub i Woo): Goed functioneren van de Staat of andere publiekrechtelijke lichamen. Aantal lakkingen: 1.');
    expect(text).toContain(`SHA-256 origineel: ${hash}`);
    expect(text).toContain('SHA-256 gepubliceerd: - (niet gepubliceerd)');
    expect(text).toContain('Besloten door: J. Jansen, jurist.');
    expect(text).toContain('Resolutie: 150 dpi');
    expect(text).not.toContain('Geheime Naam');
  });

  it('names published files by number and a neutral slug', () => {
    expect(publishedFileName(7, 'Document 7')).toBe('0007-document-7.pdf');
    expect(publishedFileName(12, 'Brief één/twee', 'xml')).toBe('0012-brief-een-twee.xml');
  });
});
