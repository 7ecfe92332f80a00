import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniffKind } from '../src/kinds.js';

describe('sniffKind', () => {
  it('tells a PDF with junk before its header from a message that mentions %PDF- in its first KB', () => {
    expect(sniffKind('brief.pdf', strToU8('\r\n junk %PDF-1.4\n'))).toBe('pdf');
    expect(sniffKind('brief', strToU8('%PDF-1.7\n'))).toBe('pdf');
    const mail = strToU8('From: Jan <jan@example.nl>\r\nSubject: Bijlage\r\nContent-Type: text/plain\r\n\r\nDe bijlage begint met %PDF-1.4, zie hieronder.\r\n');
    expect(sniffKind('bericht.eml', mail)).toBe('eml');
    expect(sniffKind('zonder-extensie', mail)).toBe('eml');
  });
});
