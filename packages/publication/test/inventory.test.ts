import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Redaction } from '@woo/core';
import { INVENTORY_COLUMNS, inventoryCsv, inventoryXlsx, judgementOf, remarkOf, statusOf, type InventoryEntry } from '../src/inventory.js';
import { redactionLogCsv } from '../src/redaction-log.js';
import { parseCsv } from './csv-reader.js';

function redaction(status: Redaction['status'], ground: Redaction['ground'] = '5.1.2e', page = 1): Redaction {
  return {
    id: 'r1', page, boxes: [{ x: 1, y: 1, width: 10, height: 10 }], text: 'Jansen', category: 'name', ground,
    confidence: 0.9, detector: 'test', explanation: '', status, needsReview: false,
  };
}

const base: InventoryEntry = { number: 1, documentId: 'a1b2c3', title: 'Document 1', pages: 2, redactions: [] };

describe('inventory', () => {
  it('keeps the judgement apart from the processing status', () => {
    expect([judgementOf(base), statusOf(base)]).toEqual(['openbaar', 'verwerkt']);
    expect(judgementOf({ ...base, redactions: [redaction('rejected')] })).toBe('openbaar');
    expect(judgementOf({ ...base, redactions: [redaction('accepted')] })).toBe('deels openbaar');
    expect(judgementOf({ ...base, judgement: 'reeds openbaar' })).toBe('reeds openbaar');
    const failed = { ...base, error: 'Dit bestand is leeg.' };
    expect([judgementOf(failed), statusOf(failed), remarkOf(failed)]).toEqual([undefined, 'niet verwerkt', 'Dit bestand is leeg.']);
  });

  it('never lists a document with open items as plainly openbaar', () => {
    const open = { ...base, redactions: [redaction('suggested'), redaction('suggested')], pagesToReview: [2] };
    expect(judgementOf(open)).toBe('openbaar');
    expect(statusOf(open)).toBe('nog te beoordelen');
    expect(remarkOf(open)).toBe('2 voorstellen tot lakken nog niet beoordeeld. Pagina 2 gemarkeerd voor controle: niet alles met zekerheid gelezen');
  });

  it('writes every column, one row per document, grounds and counts of what is blacked out', () => {
    const entries: InventoryEntry[] = [
      { ...base, redactions: [redaction('accepted'), redaction('manual', '5.1.2i'), redaction('accepted'), redaction('rejected')], publishedFile: '0001-document-1.pdf', familyId: 'F1', threadId: 'T1', date: '2024-03-01' },
      { ...base, number: 2, documentId: 'd4', title: 'Bijlage; "2"', pages: 0, error: '=Dit bestand is leeg.', familyId: 'F1', duplicateOf: 1 },
    ];
    const rows = parseCsv(inventoryCsv(entries));
    expect(rows[0]).toEqual([...INVENTORY_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(['1', 'a1b2c3', 'F1', 'T1', '2024-03-01', 'Document 1', '2', 'deels openbaar', 'verwerkt', '5.1.2e; 5.1.2i', '5.1.2e: 2; 5.1.2i: 1', '', '', '0001-document-1.pdf']);
    expect(rows[2]).toEqual(['2', 'd4', 'F1', '', '', 'Bijlage; "2"', '0', '', 'niet verwerkt', '', '', '1', "'=Dit bestand is leeg.", '']);
  });

  it('writes the same table as XLSX', async () => {
    const bytes = await inventoryXlsx([{ ...base, redactions: [redaction('accepted')] }, { ...base, number: 2, documentId: 'd2', title: '=SUM(A1)' }]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Inventarislijst')!;
    expect(sheet.rowCount).toBe(3);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...INVENTORY_COLUMNS]);
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(2).getCell(8).value).toBe('deels openbaar');
    // text that looks like a formula stays text
    expect(sheet.getRow(3).getCell(6).value).toBe('=SUM(A1)');
  });

  it('logs where and why, never what', () => {
    const log = redactionLogCsv([redaction('accepted', '5.1.2e', 2), redaction('suggested'), redaction('manual', '5.1.2i', 1)]);
    expect(log).not.toContain('Jansen');
    expect(parseCsv(log)).toEqual([
      ['Lakking', 'Pagina', 'Soort gegeven', 'Weigeringsgrond', 'Omschrijving grond'],
      ['1', '1', 'naam', '5.1.2i', 'Goed functioneren van de Staat of andere publiekrechtelijke lichamen'],
      ['2', '2', 'naam', '5.1.2e', 'Eerbiediging van de persoonlijke levenssfeer'],
    ]);
  });
});
