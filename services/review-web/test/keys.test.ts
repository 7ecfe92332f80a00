import { describe, expect, it } from 'vitest';
import { commandFor, type KeyPress } from '../src/keys.js';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keyboard map', () => {
  it('maps the review keys, in either case', () => {
    const keys: Array<[string, string]> = [
      ['j', 'next'], ['ArrowDown', 'next'], ['k', 'prev'], ['ArrowUp', 'prev'], ['a', 'accept'], ['A', 'accept'], ['r', 'reject'],
      ['g', 'ground'], [' ', 'toggle'], ['c', 'checkPage'], ['u', 'undo'], ['/', 'search'], ['PageDown', 'pageNext'], ['PageUp', 'pagePrev'], ['?', 'help'],
    ];
    for (const [key, command] of keys) expect(commandFor(press(key)), key).toBe(command);
  });

  it('undoes with Ctrl+Z (or Cmd+Z) and redoes with Ctrl+Shift+Z; leaves other shortcuts to the browser', () => {
    expect(commandFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(commandFor(press('z', { metaKey: true }))).toBe('undo');
    expect(commandFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandFor(press('c', { ctrlKey: true }))).toBeUndefined();
    expect(commandFor(press('a', { altKey: true }))).toBeUndefined();
    expect(commandFor(press('x'))).toBeUndefined();
  });
});
