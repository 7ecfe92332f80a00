import { describe, expect, it } from 'vitest';
import { applyChanges, EMPTY_HISTORY, record, redo, restore, undo, type Step } from '../src/decisions.js';
import type { Redaction } from '../src/types.js';

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

  it('restores many redactions with one change per status and grounds; a manual one comes back as accepted', () => {
    expect(
      restore([
        { id: '1', status: 'suggested', ground: '5.1.2e', additionalGrounds: [] },
        { id: '2', status: 'suggested', ground: '5.1.2e', additionalGrounds: [] },
        { id: '3', status: 'rejected', ground: '5.1.2e', additionalGrounds: [] },
        { id: '4', status: 'suggested', ground: '5.1.2i', additionalGrounds: [] },
        { id: '5', status: 'manual', ground: '5.1.2e', additionalGrounds: [] },
        { id: '6', status: 'suggested', ground: '5.1.2e', additionalGrounds: ['5.1.2i'] },
      ]),
    ).toEqual([
      { ids: ['1', '2'], status: 'suggested', ground: '5.1.2e', additionalGrounds: [] },
      { ids: ['3'], status: 'rejected', ground: '5.1.2e', additionalGrounds: [] },
      { ids: ['4'], status: 'suggested', ground: '5.1.2i', additionalGrounds: [] },
      { ids: ['5'], status: 'accepted', ground: '5.1.2e', additionalGrounds: [] },
      { ids: ['6'], status: 'suggested', ground: '5.1.2e', additionalGrounds: ['5.1.2i'] },
    ]);
  });
});

describe('showing a decision before it is saved', () => {
  const r = (id: string): Redaction => ({
    id,
    documentId: 'd',
    page: 1,
    boxes: [],
    text: id,
    category: 'name',
    ground: '5.1.2e',
    additionalGrounds: [],
    confidence: 0.9,
    detector: 'test',
    explanation: '',
    status: 'suggested',
  });

  it('changes only the redactions named, keeps grounds unless new ones are given, and undoes to the same list', () => {
    const before = [r('a'), r('b'), r('c')];
    const after = applyChanges(before, [
      { ids: ['a'], status: 'accepted', ground: '5.1.2e', additionalGrounds: ['5.1.2i'] },
      { ids: ['b'], status: 'rejected' },
    ]);
    expect(after.map((x) => [x.id, x.status, x.ground, x.additionalGrounds])).toEqual([
      ['a', 'accepted', '5.1.2e', ['5.1.2i']],
      ['b', 'rejected', '5.1.2e', []],
      ['c', 'suggested', '5.1.2e', []],
    ]);
    expect(after[2]).toBe(before[2]);
    const undone = applyChanges(after, restore(before.slice(0, 2)));
    expect(undone).toEqual(before);
  });
});
