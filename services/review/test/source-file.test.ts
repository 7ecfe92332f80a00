import { describe, expect, it } from 'vitest';
import { sourceDisposition, sourceFileName } from '../src/source-file.js';

describe('source downloads', () => {
  it('names the source: the uploaded file for the first document of an upload, the attached file for an attachment', () => {
    expect(sourceFileName({ filename: 'bericht.eml', family: null })).toBe('bericht.eml');
    expect(sourceFileName({ filename: 'stukken.zip › map/a.pdf', family: { id: 'f', position: 0, parentDocumentId: null } })).toBe('stukken.zip');
    expect(sourceFileName({ filename: 'stukken.zip › map/a.pdf', family: { id: 'f', position: 1, parentDocumentId: null } })).toBe('a.pdf');
    expect(sourceFileName({ filename: 'bericht.eml › doorgestuurd.eml › bijlage.docx', family: { id: 'f', position: 2, parentDocumentId: 'p' } })).toBe('bijlage.docx');
  });

  it('keeps any name inside the header: ASCII fallback without quotes or line breaks, the exact name as RFC 5987 UTF-8', () => {
    expect(sourceDisposition('notitie.docx')).toBe(`attachment; filename="notitie.docx"; filename*=UTF-8''notitie.docx`);
    expect(sourceDisposition('Verslag Öztürk (2).docx')).toBe(`attachment; filename="Verslag _zt_rk (2).docx"; filename*=UTF-8''Verslag%20%C3%96zt%C3%BCrk%20%282%29.docx`);
    const hostile = sourceDisposition('a"b\\c\r\nSet-Cookie: x=1;.pdf');
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile).toBe(`attachment; filename="a_b_cSet-Cookie: x=1;.pdf"; filename*=UTF-8''a%22b%5CcSet-Cookie%3A%20x%3D1%3B.pdf`);
    expect(sourceDisposition('\u0000\u0001')).toBe(`attachment; filename="bronbestand"; filename*=UTF-8''bronbestand`);
  });
});
