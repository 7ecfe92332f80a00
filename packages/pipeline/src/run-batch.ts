import type { DocumentOutcome } from './process-document.js';

/** Runs `work` over all items with at most `concurrency` at a time, handing each outcome to
 * `onDone` as soon as it is ready (so outputs are written while the batch goes on).
 * Returns the outcomes in input order. */
export async function runBatch<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<DocumentOutcome>,
  onDone: (item: T, outcome: DocumentOutcome, index: number) => Promise<void> | void,
): Promise<DocumentOutcome[]> {
  const outcomes: DocumentOutcome[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      const outcome = await work(item);
      outcomes[index] = outcome;
      await onDone(item, outcome, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  return outcomes;
}
