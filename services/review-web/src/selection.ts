/** Which suggestions are selected for one decision on all of them, apart from the DOM so it can be
 * tested on its own. A click selects one; Ctrl (or Cmd) adds or removes one; Shift selects the
 * range from the last clicked one; Space toggles the current one. */

export interface Selection {
  ids: ReadonlySet<string>;
  /** Where a Shift+click range starts: the last suggestion clicked without Shift. */
  anchor: string | undefined;
}

export const NO_SELECTION: Selection = { ids: new Set(), anchor: undefined };

export interface ClickModifiers {
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** The selection after a click on `id` in the list `order` (the suggestions as shown). A plain
 * click selects nothing for a group decision: it only makes `id` the current suggestion. */
export function click(selection: Selection, order: readonly string[], id: string, mods: ClickModifiers): Selection {
  if (mods.shiftKey && selection.anchor !== undefined) {
    const from = order.indexOf(selection.anchor);
    const to = order.indexOf(id);
    if (from !== -1 && to !== -1) {
      const range = order.slice(Math.min(from, to), Math.max(from, to) + 1);
      return { ids: new Set([...selection.ids, ...range]), anchor: selection.anchor };
    }
  }
  if (mods.ctrlKey || mods.metaKey || mods.shiftKey) return toggle(selection, id);
  return { ids: new Set(), anchor: id };
}

/** Adds `id` to the selection, or takes it out. */
export function toggle(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** The selection without what is no longer listed (a filter changed, or a decision took an
 * item out of the filtered list). */
export function keepListed(selection: Selection, order: readonly string[]): Selection {
  const listed = new Set(order);
  const ids = [...selection.ids].filter((id) => listed.has(id));
  return ids.length === selection.ids.size ? selection : { ids: new Set(ids), anchor: selection.anchor };
}
