/**
 * A PDF line break inside a paragraph is not a sentence start: a known name that wraps to the
 * start of the next line is still the name, also when it is an ordinary word too ("Roos").
 * A short line (list item, heading) still ends its item.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../index.js';
import { CASTS, LEXICON_MODES, covered } from '../test-support.js';

const AMBIGUOUS_FIRST = ['Roos', 'Gerrit', 'Mark', 'Kees'];

describe.each(LEXICON_MODES)('line breaks (%s lexicons)', (mode) => {
  const detector = createDetector({ lexicons: mode, compromiseVote: false });

  it.each(Object.entries(CASTS))('finds a known first name wrapped to the start of a line (cast %s)', (_, people) => {
    for (const [i, p] of people.slice(0, 4).entries()) {
      const first = AMBIGUOUS_FIRST[i % AMBIGUOUS_FIRST.length]!;
      const text = `Van:\t${first} ${p.last}\nHet ontwerp voor het plein is met de bewoners besproken. Kun jij\n${first} laten weten of de zaal geboekt is?`;
      const at = text.lastIndexOf(first);
      expect(covered(text, detector.detect(text), at, at + first.length), JSON.stringify(text)).toBe(true);
    }
  });

  it('does not turn an ordinary word at the start of a list item into a name', () => {
    const text = 'Agenda\nOpening\nKamer van de wethouder\nRoos van de wijk blijft staan\n';
    expect(detector.detect(text).filter((d) => d.category === 'name' && d.confidence >= 0.5)).toEqual([]);
  });
});
