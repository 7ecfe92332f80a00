import { describe, expect, it } from 'vitest';
import { probeCounter, type Probe } from '../src/probes.js';

const text = (value: string): Probe => ({ kind: 'text', value, what: '' });
const digits = (value: string): Probe => ({ kind: 'digits', value, what: '' });

describe('probeCounter', () => {
  it('counts a text probe only where it stands on its own', () => {
    const count = probeCounter('jan de vries, januari; jan. (jan) majan jan2 jande jan');
    expect(count(text('jan'))).toBe(4);
    expect(count(text('jan de vries'))).toBe(1);
    expect(count(text('vries'))).toBe(1);
    expect(count(text('(jan)'))).toBe(1);
    expect(count(text('jan.'))).toBe(1);
  });

  it('treats accented letters and letters outside the basic plane as part of a word', () => {
    const count = probeCounter('éva eva𝐚 eva ève');
    expect(count(text('eva'))).toBe(1);
    expect(count(text('ève'))).toBe(1);
  });

  it('does not count overlapping occurrences twice', () => {
    expect(probeCounter('aa aa aa')(text('aa aa'))).toBe(1);
  });

  it('finds digit runs through the separators people put in numbers, also inside longer numbers', () => {
    const count = probeCounter('bel 06-123 456 78 of 0031612345678; iban nl91abna0417164300');
    expect(count(digits('0612345678'))).toBe(1);
    expect(count(digits('612345678'))).toBe(2);
    expect(count(digits('0417164300'))).toBe(1);
    expect(count(digits('99999999'))).toBe(0);
  });
});
