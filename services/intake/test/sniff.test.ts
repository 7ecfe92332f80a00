import { describe, expect, it } from 'vitest';
import { displayName, sniffUpload, unreadableName } from '../src/sniff.js';

const MB = 1024 * 1024;
const bytes = (...b: number[]) => new Uint8Array(b);

describe('sniffUpload', () => {
  it('recognises PDFs and scans by their first bytes', () => {
    expect(sniffUpload(new TextEncoder().encode('%PDF-1.7\n'), 100, MB, false)).toBe('pdf');
    expect(sniffUpload(new TextEncoder().encode('\r\n junk %PDF-1.4'), 100, MB, false)).toBe('pdf');
    expect(sniffUpload(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 100, MB, false)).toBe('png');
    expect(sniffUpload(bytes(0xff, 0xd8, 0xff, 0xe0), 100, MB, false)).toBe('jpeg');
    expect(sniffUpload(bytes(0x49, 0x49, 0x2a, 0x00), 100, MB, false)).toBe('tiff');
  });

  it('refuses the rest with a Dutch message', () => {
    expect(sniffUpload(new Uint8Array(), 0, MB, false)).toMatchObject({ code: 'empty', message: expect.stringContaining('leeg') });
    expect(sniffUpload(new TextEncoder().encode('PK\u0003\u0004word/'), 100, MB, false)).toMatchObject({ code: 'not-pdf', message: expect.stringContaining('geen PDF') });
    expect(sniffUpload(new TextEncoder().encode('%PDF-'), MB, MB, true)).toMatchObject({ code: 'too-large', message: expect.stringContaining('1 MB') });
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
