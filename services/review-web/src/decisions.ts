import type { GroundCode } from '@woo/core';
import type { PriorState, Redaction } from './types.js';

/** One request's worth of a decision: these redactions get this status (and grounds). */
export interface Change {
  ids: string[];
  status: 'accepted' | 'rejected' | 'suggested';
  ground?: GroundCode;
  /** Only together with `ground`: the further grounds, replacing the ones there were. */
  additionalGrounds?: GroundCode[];
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

/** The changes that put redactions back as they were: one per (status, grounds), so undoing a
 * decision on 500 occurrences is a request or two, not 500. A manual redaction that was decided
 * on goes back to accepted: it blacks out the same way. */
export function restore(previous: readonly PriorState[]): Change[] {
  const groups = new Map<string, Change>();
  for (const p of previous) {
    const status = p.status === 'manual' ? 'accepted' : p.status;
    const key = [status, p.ground, ...p.additionalGrounds].join('\u0000');
    const group = groups.get(key) ?? { ids: [], status, ground: p.ground, additionalGrounds: p.additionalGrounds };
    group.ids.push(p.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The redactions as they look once `changes` are applied: how a decision is shown at once,
 * before the server has confirmed it. Redactions no change names are returned as they were. */
export function applyChanges(redactions: readonly Redaction[], changes: readonly Change[]): Redaction[] {
  const byId = new Map<string, Change>();
  for (const c of changes) for (const id of c.ids) byId.set(id, c);
  if (!byId.size) return [...redactions];
  return redactions.map((r) => {
    const c = byId.get(r.id);
    if (!c) return r;
    return { ...r, status: c.status, ...(c.ground ? { ground: c.ground, additionalGrounds: c.additionalGrounds ?? [] } : {}) };
  });
}
