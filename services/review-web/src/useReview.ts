import { useCallback, useRef, useState } from 'react';
import { api } from './api.js';
import { loadSession } from './session.js';
import { applyChanges, EMPTY_HISTORY, record, redo, restore, undo, type Change, type History, type Step } from './decisions.js';
import { announce } from './live.js';
import type { Box, BulkResult, Grounds, Redaction } from './types.js';

/** The redactions of one document and every decision on them, with undo and redo.
 *
 * A decision on redactions of this document is shown at once and saved behind it: requests go
 * out one after another in the order the reviewer decided, so the server ends where the screen
 * is. When one fails, the list is loaded again from the server and the history is cleared, so
 * the screen never shows a decision that was not saved. Every decision goes through the batch's
 * bulk route, so one name everywhere in the dossier and its undo are each a single request. */
export function useReview(documentId: string, batchId: string | undefined) {
  const [redactions, setRedactions] = useState<Redaction[]>([]);
  // the list as last shown, for handlers that run before React re-renders (fast key presses)
  const shown = useRef<Redaction[]>([]);
  const history = useRef<History>(EMPTY_HISTORY);
  const [, setVersion] = useState(0);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // decisions still waiting in the queue are sent as the reviewer who made them, also when the tab
  // has logged out (or in as someone else) meanwhile
  const token = useRef(loadSession()?.token);

  const show = useCallback((next: Redaction[]) => {
    shown.current = next;
    setRedactions(next);
  }, []);

  /** Takes changed redactions into the list; those of other documents (a decision across the
   * batch) are not shown here. `added` are new ones, of this document or not. */
  const merge = useCallback(
    (changed: readonly Redaction[], added: readonly Redaction[] = []) => {
      const byId = new Map(changed.map((r) => [r.id, r]));
      const mine = added.filter((r) => r.documentId === documentId);
      show([...shown.current.map((r) => byId.get(r.id) ?? r), ...mine].sort((a, b) => a.page - b.page));
    },
    [documentId, show],
  );

  const load = useCallback(async () => {
    show(await api<Redaction[]>(`/v1/documents/${documentId}/redactions`));
  }, [documentId, show]);

  const bulk = useCallback(
    async (body: object): Promise<BulkResult> => api<BulkResult>(`/v1/batches/${batchId}/redactions/bulk`, { method: 'POST', body, token: token.current }),
    [batchId],
  );

  const sendChange = (c: Change) =>
    bulk({ match: { ids: c.ids }, set: { status: c.status, ...(c.ground ? { ground: c.ground, additionalGrounds: c.additionalGrounds ?? [] } : {}) } });

  const remember = (step: Step) => {
    history.current = record(history.current, step);
    setVersion((v) => v + 1);
  };

  const fail = async (err: unknown) => {
    const message = `Niet opgeslagen: ${(err as Error).message}`;
    setError(message);
    announce(message);
    history.current = EMPTY_HISTORY;
    setVersion((v) => v + 1);
    await load().catch(() => undefined);
  };

  /** Runs `action` after every request before it; undefined when it failed (then the list is
   * reloaded and the reason shown). */
  const enqueue = <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setSaving((n) => n + 1);
    const done = queue.current.then(async () => {
      try {
        setError('');
        return await action();
      } catch (err) {
        await fail(err);
        return undefined;
      } finally {
        setSaving((n) => n - 1);
      }
    });
    queue.current = done;
    return done;
  };

  /** Shows `changes` now and saves them in order. */
  const applyNow = (changes: readonly Change[]) => {
    show(applyChanges(shown.current, changes));
    return enqueue(async () => {
      for (const c of changes) await sendChange(c);
    });
  };

  /** One decision on some redactions of this document (one undo step, however many). */
  const decide = (ids: readonly string[], status: Change['status'], label: string, grounds?: Grounds) => {
    const wanted = new Set(ids);
    const previous = shown.current.filter((r) => wanted.has(r.id)).map(({ id, status: s, ground, additionalGrounds }) => ({ id, status: s, ground, additionalGrounds }));
    const change: Change = { ids: [...ids], status, ...grounds };
    remember({ label, redo: [change], undo: restore(previous) });
    announce(label);
    return applyNow([change]);
  };

  /** How many redactions with this text a decision would touch: in this document, and in the batch. */
  const count = async (text: string) => {
    try {
      await queue.current; // count what is saved, decisions just made included
      const [doc, batch] = await Promise.all([
        bulk({ match: { text, documentId }, set: { status: 'accepted' }, dryRun: true }),
        bulk({ match: { text }, set: { status: 'accepted' }, dryRun: true }),
      ]);
      return { document: doc.updated, batch: batch.updated, documents: batch.documents };
    } catch (err) {
      setError((err as Error).message);
      announce((err as Error).message);
      return undefined;
    }
  };

  /** Every occurrence of `text`, in this document or in the whole batch: decided by the server,
   * which knows the other documents. */
  const everywhere = (text: string, status: 'accepted' | 'rejected', inBatch: boolean) =>
    enqueue(async () => {
      const result = await bulk({ match: { text, ...(inBatch ? {} : { documentId }) }, set: { status } });
      merge(result.redactions);
      const label = `${result.updated} keer '${text}' ${status === 'accepted' ? 'gelakt' : 'niet gelakt'}${inBatch ? ` in ${result.documents} documenten` : ''}.`;
      remember({ label, redo: [{ ids: result.redactions.map((r) => r.id), status }], undo: restore(result.previous) });
      announce(label);
    });

  /** New manual redactions (a drawn box, or every hit of a search in the batch): undoing them
   * sets them to "niet lakken", which keeps them in the audit trail. */
  const added = (redactionsAdded: readonly Redaction[], label: string) => {
    merge([], redactionsAdded);
    const ids = redactionsAdded.map((r) => r.id);
    remember({ label, redo: [{ ids, status: 'accepted' }], undo: [{ ids, status: 'rejected' }] });
    announce(label);
    return redactionsAdded;
  };

  /** A box the reviewer drew on a page. */
  const draw = (page: number, box: Box, snap: boolean, grounds: Grounds) =>
    enqueue(async () => {
      const result = await api<Redaction[]>(`/v1/documents/${documentId}/redactions`, { method: 'POST', body: { page, boxes: [box], snap, ...grounds }, token: token.current });
      return added(result, `Vak op pagina ${page} gelakt.`);
    });

  /** Every hit of `text` in the batch that is not blacked out yet. */
  const redactHits = (text: string, grounds: Grounds) =>
    enqueue(async () => {
      const result = await api<{ documents: number; redactions: Redaction[] }>(`/v1/batches/${batchId}/search/redactions`, { method: 'POST', body: { text, ...grounds }, token: token.current });
      return added(result.redactions, `${result.redactions.length} keer '${text}' gelakt in ${result.documents} ${result.documents === 1 ? 'document' : 'documenten'}.`);
    });

  const travel = (direction: 'undo' | 'redo') => {
    const moved = direction === 'undo' ? undo(history.current) : redo(history.current);
    if (!moved) return announce(direction === 'undo' ? 'Er is niets om ongedaan te maken.' : 'Er is niets om opnieuw te doen.');
    history.current = moved.history;
    setVersion((v) => v + 1);
    announce(`${direction === 'undo' ? 'Ongedaan gemaakt' : 'Opnieuw gedaan'}: ${moved.step.label}`);
    void applyNow(direction === 'undo' ? moved.step.undo : moved.step.redo);
  };

  return {
    redactions,
    error,
    /** Requests not yet answered: 0 when everything shown is saved. */
    saving,
    load,
    decide,
    count,
    everywhere,
    draw,
    redactHits,
    undo: () => travel('undo'),
    redo: () => travel('redo'),
    canUndo: history.current.past.length > 0,
    canRedo: history.current.future.length > 0,
  };
}
