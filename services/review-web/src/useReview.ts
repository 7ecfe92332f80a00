import { useCallback, useRef, useState } from 'react';
import { api } from './api.js';
import { EMPTY_HISTORY, record, redo, restore, undo, type Change, type History, type Step } from './decisions.js';
import { announce } from './live.js';
import type { Box, BulkResult, Redaction } from './types.js';

/** The redactions of one document and every decision on them, with undo and redo. Every
 * decision goes through the batch's bulk route, so one name everywhere in the dossier and its
 * undo are each a single request. */
export function useReview(documentId: string, batchId: string | undefined) {
  const [redactions, setRedactions] = useState<Redaction[]>([]);
  const history = useRef<History>(EMPTY_HISTORY);
  const [, setVersion] = useState(0);
  const [error, setError] = useState('');

  /** Takes changed redactions into the list; those of other documents (a decision across the
   * batch) are not shown here. `added` are new ones of this document. */
  const merge = useCallback((changed: readonly Redaction[], added: readonly Redaction[] = []) => {
    const byId = new Map(changed.map((r) => [r.id, r]));
    setRedactions((all) => [...all.map((r) => byId.get(r.id) ?? r), ...added].sort((a, b) => a.page - b.page));
  }, []);

  const load = useCallback(async () => {
    setRedactions(await api<Redaction[]>(`/v1/documents/${documentId}/redactions`));
  }, [documentId]);

  const bulk = useCallback(
    async (body: object): Promise<BulkResult> => api<BulkResult>(`/v1/batches/${batchId}/redactions/bulk`, { method: 'POST', body }),
    [batchId],
  );

  const apply = useCallback(
    async (changes: readonly Change[]) => {
      const previous = [];
      for (const c of changes) {
        const result = await bulk({ match: { ids: c.ids }, set: { status: c.status, ...(c.ground ? { ground: c.ground } : {}) } });
        merge(result.redactions);
        previous.push(...result.previous);
      }
      return previous;
    },
    [bulk, merge],
  );

  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    try {
      setError('');
      return await action();
    } catch (err) {
      setError((err as Error).message);
      announce((err as Error).message);
      return undefined;
    }
  }, []);

  const remember = (step: Step) => {
    history.current = record(history.current, step);
    setVersion((v) => v + 1);
  };

  /** One decision on some redactions of this document. */
  const decide = (ids: string[], status: Change['status'], label: string, ground?: string) =>
    run(async () => {
      const redoChanges: Change[] = [{ ids, status, ...(ground ? { ground } : {}) }];
      const previous = await apply(redoChanges);
      remember({ label, redo: redoChanges, undo: restore(previous) });
      announce(label);
    });

  /** How many redactions with this text a decision would touch: in this document, and in the batch. */
  const count = (text: string) =>
    run(async () => {
      const [doc, batch] = await Promise.all([
        bulk({ match: { text, documentId }, set: { status: 'accepted' }, dryRun: true }),
        bulk({ match: { text }, set: { status: 'accepted' }, dryRun: true }),
      ]);
      return { document: doc.updated, batch: batch.updated, documents: batch.documents };
    });

  /** Every occurrence of `text`, in this document or in the whole batch. */
  const everywhere = (text: string, status: 'accepted' | 'rejected', inBatch: boolean) =>
    run(async () => {
      const result = await bulk({ match: { text, ...(inBatch ? {} : { documentId }) }, set: { status } });
      merge(result.redactions);
      const label = `${result.updated} keer '${text}' ${status === 'accepted' ? 'gelakt' : 'niet gelakt'}${inBatch ? ` in ${result.documents} documenten` : ''}.`;
      remember({ label, redo: [{ ids: result.redactions.map((r) => r.id), status }], undo: restore(result.previous) });
      announce(label);
    });

  /** A reviewer's own redaction: a drawn box, or every occurrence of a text in this document. */
  const add = (body: { page: number; boxes: Box[]; snap?: boolean } | { text: string }, ground: string) =>
    run(async () => {
      const added = await api<Redaction[]>(`/v1/documents/${documentId}/redactions`, { method: 'POST', body: { ...body, ground } });
      merge([], added);
      const ids = added.map((r) => r.id);
      const label = 'text' in body ? `${added.length} keer '${body.text}' gelakt.` : `Vak op pagina ${body.page} gelakt.`;
      remember({ label, redo: [{ ids, status: 'accepted' }], undo: [{ ids, status: 'rejected' }] });
      announce(label);
      return added;
    });

  const travel = (direction: 'undo' | 'redo') =>
    run(async () => {
      const moved = direction === 'undo' ? undo(history.current) : redo(history.current);
      if (!moved) return announce(direction === 'undo' ? 'Er is niets om ongedaan te maken.' : 'Er is niets om opnieuw te doen.');
      await apply(direction === 'undo' ? moved.step.undo : moved.step.redo);
      history.current = moved.history;
      setVersion((v) => v + 1);
      announce(`${direction === 'undo' ? 'Ongedaan gemaakt' : 'Opnieuw gedaan'}: ${moved.step.label}`);
    });

  return {
    redactions,
    error,
    load,
    decide,
    count,
    everywhere,
    add,
    undo: () => travel('undo'),
    redo: () => travel('redo'),
    canUndo: history.current.past.length > 0,
    canRedo: history.current.future.length > 0,
  };
}
