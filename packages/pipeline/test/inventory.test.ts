import { describe, expect, it } from 'vitest';
import type { Redaction } from '@woo/core';
import { decisionOf, inventoryCsv } from '../src/inventory.js';

function redaction(status: Redaction['status'], ground: Redaction['ground'] = '5.1.2e'): Redaction {
  return {
    id: 'r1', page: 1, boxes: [{ x: 1, y: 1, width: 10, height: 10 }], text: 'x', category: 'name', ground,
    confidence: 0.9, detector: 'test', explanation: '', status, needsReview: false,
  };
}

/** RFC 4180 reading with ';' as separator: what a spreadsheet makes of the file. */
function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = csv.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('inventory', () => {
  it('decides per document from the applied redactions and failures', () => {
    expect(decisionOf({ number: 1, fileName: 'a.pdf', pages: 1, redactions: [] })).toBe('Openbaar');
    expect(decisionOf({ number: 1, fileName: 'a.pdf', pages: 1, redactions: [redaction('rejected')] })).toBe('Openbaar');
    expect(decisionOf({ number: 1, fileName: 'a.pdf', pages: 1, redactions: [redaction('accepted')] })).toBe('Deels openbaar');
    expect(decisionOf({ number: 1, fileName: 'a.pdf', pages: 0, redactions: [], error: 'kapot' })).toBe('Niet verwerkt');
  });

  it('lists grounds and counts only what is blacked out, and quotes awkward fields', () => {
    const rows = parse(
      inventoryCsv([
        { number: 1, fileName: 'brief; versie "2".pdf', pages: 3, redactions: [redaction('accepted'), redaction('manual', '5.1.2i'), redaction('rejected')] },
        { number: 2, fileName: '=cmd.pdf', pages: 0, redactions: [], error: 'Dit bestand is leeg.' },
        { number: 3, fileName: 'brief kopie.pdf', pages: 3, redactions: [redaction('accepted')], duplicateOf: 1 },
      ]),
    );
    expect(rows[0]).toEqual(['Nr.', 'Documentnaam', "Pagina's", 'Beoordeling', 'Weigeringsgronden', 'Aantal lakkingen', 'Opmerking', 'Duplicaat van']);
    expect(rows[1]!.slice(2)).toEqual(['3', 'Deels openbaar', '5.1.2e, 5.1.2i', '2', '', '']);
    expect(rows[1]![1]).toBe('brief; versie "2".pdf');
    expect(rows[2]).toEqual(['2', "'=cmd.pdf", '0', 'Niet verwerkt', '', '0', 'Dit bestand is leeg.', '']);
    expect(rows[3]!.at(-1)).toBe('1');
  });
});
