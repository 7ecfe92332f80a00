/** The review screen's keyboard map, apart from the DOM so it can be tested on its own. */

export type Command = 'next' | 'prev' | 'accept' | 'reject' | 'ground' | 'toggle' | 'undo' | 'redo' | 'search' | 'pageNext' | 'pagePrev' | 'checkPage' | 'help';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** For the help dialog ("?"), in the order shown. */
export const KEY_MAP: ReadonlyArray<{ keys: string; label: string }> = [
  { keys: 'J of ↓', label: 'volgende voorstel' },
  { keys: 'K of ↑', label: 'vorige voorstel' },
  { keys: 'A', label: 'lakken (het voorstel, of de selectie)' },
  { keys: 'R', label: 'niet lakken (het voorstel, of de selectie)' },
  { keys: 'G', label: 'weigeringsgronden kiezen (één of meer)' },
  { keys: 'Spatie', label: 'voorstel selecteren of deselecteren' },
  { keys: 'Shift+klik / Ctrl+klik', label: 'reeks / losse voorstellen selecteren' },
  { keys: 'U of Ctrl+Z', label: 'ongedaan maken' },
  { keys: 'Ctrl+Shift+Z', label: 'opnieuw doen' },
  { keys: '/', label: 'zoeken in de hele batch en lakken' },
  { keys: 'PageDown / PageUp', label: 'volgende / vorige pagina' },
  { keys: 'C', label: 'pagina gecontroleerd (aan/uit)' },
  { keys: '?', label: 'deze lijst' },
];

const PLAIN: Record<string, Command> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'prev',
  ArrowUp: 'prev',
  a: 'accept',
  r: 'reject',
  g: 'ground',
  ' ': 'toggle',
  c: 'checkPage',
  u: 'undo',
  '/': 'search',
  PageDown: 'pageNext',
  PageUp: 'pagePrev',
  '?': 'help',
};

/** The command a key press means, or undefined (then the browser handles the key as usual). */
export function commandFor(e: KeyPress): Command | undefined {
  if (e.ctrlKey || e.metaKey) {
    if (e.key.toLowerCase() !== 'z' || e.altKey) return undefined;
    return e.shiftKey ? 'redo' : 'undo';
  }
  if (e.altKey) return undefined;
  return PLAIN[e.key.length === 1 && e.key !== '?' && e.key !== '/' ? e.key.toLowerCase() : e.key];
}

/** Space on a button, link or checkbox presses it; elsewhere it toggles the selection. */
export function isPressable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

/** Keys typed into a field are text, not commands. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}
