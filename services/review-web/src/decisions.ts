import type { PriorState } from './types.js';

/** One request's worth of a decision: these redactions get this status (and ground). */
export interface Change {
  ids: string[];
  status: 'accepted' | 'rejected' | 'suggested';
  ground?: string;
}

/** A decision as the reviewer made it, with what undoes and redoes it. */
export interface Step {
  label: string;
  undo: Change[];
  redo: Change[];
}

export interface History {
  past: Step[];
  future: Step[];
}

export const EMPTY_HISTORY: History = { past: [], future: [] };

/** A new decision: it can be undone, and whatever was undone before can no longer be redone. */
export function record(history: History, step: Step): History {
  return { past: [...history.past, step], future: [] };
}

/** The step to undo, and the history after it; undefined when there is nothing to undo. */
export function undo(history: History): { step: Step; history: History } | undefined {
  const step = history.past.at(-1);
  if (!step) return undefined;
  return { step, history: { past: history.past.slice(0, -1), future: [...history.future, step] } };
}

export function redo(history: History): { step: Step; history: History } | undefined {
  const step = history.future.at(-1);
  if (!step) return undefined;
  return { step, history: { past: [...history.past, step], future: history.future.slice(0, -1) } };
}

/** The changes that put redactions back as they were: one per (status, ground), so undoing a
 * decision on 500 occurrences is a request or two, not 500. A manual redaction that was decided
 * on goes back to accepted: it blacks out the same way. */
export function restore(previous: readonly PriorState[]): Change[] {
  const groups = new Map<string, Change>();
  for (const p of previous) {
    const status = p.status === 'manual' ? 'accepted' : p.status;
    const key = `${status}\u0000${p.ground}`;
    const group = groups.get(key) ?? { ids: [], status, ground: p.ground };
    group.ids.push(p.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}
