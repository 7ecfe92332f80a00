import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, record, redo, restore, undo, type Step } from '../src/decisions.js';

const step = (label: string): Step => ({ label, redo: [{ ids: [label], status: 'accepted' }], undo: [{ ids: [label], status: 'suggested' }] });

describe('decision history', () => {
  it('undoes the last decision first, redoes what was undone, and forgets the redo on a new decision', () => {
    let h = record(record(EMPTY_HISTORY, step('a')), step('b'));
    const first = undo(h)!;
    expect(first.step.label).toBe('b');
    h = first.history;
    expect(redo(h)!.step.label).toBe('b');
    h = record(h, step('c'));
    expect(redo(h)).toBeUndefined();
    expect(h.past.map((s) => s.label)).toEqual(['a', 'c']);
    expect(undo(EMPTY_HISTORY)).toBeUndefined();
  });

  it('restores many redactions with one change per status and ground; a manual one comes back as accepted', () => {
    expect(
      restore([
        { id: '1', status: 'suggested', ground: '5.1.2e' },
        { id: '2', status: 'suggested', ground: '5.1.2e' },
        { id: '3', status: 'rejected', ground: '5.1.2e' },
        { id: '4', status: 'suggested', ground: '5.1.2i' },
        { id: '5', status: 'manual', ground: '5.1.2e' },
      ]),
    ).toEqual([
      { ids: ['1', '2'], status: 'suggested', ground: '5.1.2e' },
      { ids: ['3'], status: 'rejected', ground: '5.1.2e' },
      { ids: ['4'], status: 'suggested', ground: '5.1.2i' },
      { ids: ['5'], status: 'accepted', ground: '5.1.2e' },
    ]);
  });
});
