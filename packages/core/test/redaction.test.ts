import { describe, expect, it } from 'vitest';
import { groundLabel, groundsOf } from '../src/redaction.js';

describe('groundsOf and groundLabel', () => {
  it('give the primary ground alone when there are no others', () => {
    expect(groundsOf({ ground: '5.1.2e' })).toEqual(['5.1.2e']);
    expect(groundLabel({ ground: '5.1.2e', additionalGrounds: [] })).toBe('5.1.2e');
  });

  it('put the primary ground first and name every ground once', () => {
    const r = { ground: '5.1.2e', additionalGrounds: ['5.1.2i', '5.1.2e', '5.2.1'] } as const;
    expect(groundsOf({ ...r, additionalGrounds: [...r.additionalGrounds] })).toEqual(['5.1.2e', '5.1.2i', '5.2.1']);
    expect(groundLabel({ ground: '5.1.2e', additionalGrounds: ['5.1.2i'] })).toBe('5.1.2e; 5.1.2i');
  });
});
