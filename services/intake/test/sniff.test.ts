import { describe, expect, it } from 'vitest';
import { displayName, sniffUpload, unreadableName } from '../src/sniff.js';

const MB = 1024 * 1024;
const bytes = (...b: number[]) => new Uint8Array(b);

describe('sniffUpload', () => {
  it('recognises PDFs and scans by their first bytes', () => {
    expect(sniffUpload('x', new TextEncoder().encode('%PDF-1.7\n'), 100, MB, false)).toBe('pdf');
    expect(sniffUpload('x', new TextEncoder().encode('\r\n junk %PDF-1.4'), 100, MB, false)).toBe('pdf');
    expect(sniffUpload('x', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 100, MB, false)).toBe('png');
    expect(sniffUpload('x', bytes(0xff, 0xd8, 0xff, 0xe0), 100, MB, false)).toBe('jpeg');
    expect(sniffUpload('x', bytes(0x49, 0x49, 0x2a, 0x00), 100, MB, false)).toBe('tiff');
  });

  it('accepts e-mail, Office files and zips as the convert stage sniffs them', () => {
    const zip = new TextEncoder().encode('PK\u0003\u0004word/');
    expect(sniffUpload('nota.docx', zip, 100, MB, false)).toBe('office');
    expect(sniffUpload('stukken.zip', zip, 100, MB, false)).toBe('zip');
    expect(sniffUpload('bericht.eml', new TextEncoder().encode('From: a@b.nl\r\nSubject: x\r\n\r\nTekst'), 100, MB, false)).toBe('eml');
    expect(sniffUpload('zonder-naam', new TextEncoder().encode('From: a@b.nl\r\nDate: Mon, 1 Jan 2024 10:00:00 +0100\r\n\r\nTekst'), 100, MB, false)).toBe('eml');
    expect(sniffUpload('bericht.msg', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 100, MB, false)).toBe('msg');
  });

  it('refuses the rest with a Dutch message', () => {
    expect(sniffUpload('x', new Uint8Array(), 0, MB, false)).toMatchObject({ code: 'empty', message: expect.stringContaining('leeg') });
    expect(sniffUpload('notitie.txt', new TextEncoder().encode('Gewone tekst'), 100, MB, false)).toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining('Dit bestandstype (.txt) wordt niet ondersteund'),
    });
    expect(sniffUpload('brief.pdf', new TextEncoder().encode('Gewone tekst'), 100, MB, false)).toMatchObject({ code: 'not-pdf', message: expect.stringContaining('geen PDF') });
    expect(sniffUpload('x', new TextEncoder().encode('%PDF-'), MB, MB, true)).toMatchObject({ code: 'too-large', message: expect.stringContaining('1 MB') });
  });
});

describe('displayName', () => {
  it('keeps only the last part of a client path, for display', () => {
    expect(displayName('C:\\Users\\jan\\brief.pdf')).toBe('brief.pdf');
    expect(displayName('../../etc/passwd')).toBe('passwd');
    expect(displayName('')).toBe('naamloos');
  });
});

describe('unreadableName', () => {
  it('refuses a part without a usable name with a Dutch reason, and accepts ordinary names', () => {
    for (const bad of [undefined, '', '   ', '\u0001\u0002', 'C:\\stukken\\', 'besluit-\uFFFD\uFFFD.pdf']) {
      expect(unreadableName(bad), JSON.stringify(bad)).toMatchObject({ code: 'unreadable-name', message: expect.stringContaining('bestandsnaam') });
    }
    for (const good of ['besluit.pdf', 'C:\\stukken\\mail van Jansen.pdf', 'Ĳsselmeer – verslag.pdf']) expect(unreadableName(good)).toBeUndefined();
  });
});
