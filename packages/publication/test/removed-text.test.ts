import { describe, expect, it } from 'vitest';
import { namesRemovedText } from '../src/removed-text.js';

describe('namesRemovedText', () => {
  it('finds a removed text as whole words, in any case and spacing', () => {
    expect(namesRemovedText('Woo-verzoek mevrouw KARIN  SMIT', ['Karin Smit'])).toBe(true);
    expect(namesRemovedText('Woo-verzoek (Smit)', ['Karin Smit', 'Smit'])).toBe(true);
  });

  it('does not find it inside a longer word, and ignores empty texts', () => {
    expect(namesRemovedText('Woo-verzoek Smitsstraat', ['Smit'])).toBe(false);
    expect(namesRemovedText('Woo-verzoek 2024-17', ['', '  '])).toBe(false);
  });
});
