import { describe, expect, it } from 'vitest';
import { click, keepListed, NO_SELECTION, toggle } from '../src/selection.js';

const order = ['a', 'b', 'c', 'd', 'e'];
const plain = { shiftKey: false, ctrlKey: false, metaKey: false };
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('selecting suggestions', () => {
  it('adds and removes one with Ctrl or Cmd, and a range from the last click with Shift', () => {
    let s = click(NO_SELECTION, order, 'b', plain);
    expect(ids(s)).toEqual([]);
    s = click(s, order, 'd', { ...plain, shiftKey: true });
    expect(ids(s)).toEqual(['b', 'c', 'd']);
    s = click(s, order, 'c', { ...plain, ctrlKey: true });
    expect(ids(s)).toEqual(['b', 'd']);
    s = click(s, order, 'e', { ...plain, metaKey: true });
    expect(ids(s)).toEqual(['b', 'd', 'e']);
    // the range runs backwards too, from the new anchor
    s = click(s, order, 'a', { ...plain, shiftKey: true });
    expect(ids(s)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(click(s, order, 'c', plain))).toEqual([]);
  });

  it('toggles with Space, and forgets what the list no longer shows', () => {
    let s = toggle(toggle(NO_SELECTION, 'a'), 'c');
    expect(ids(s)).toEqual(['a', 'c']);
    s = toggle(s, 'a');
    expect(ids(s)).toEqual(['c']);
    expect(ids(keepListed(toggle(s, 'b'), ['a', 'b']))).toEqual(['b']);
    const unchanged = toggle(s, 'b');
    expect(keepListed(unchanged, order)).toBe(unchanged);
  });
});
