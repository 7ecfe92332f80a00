/** Runs `work` over all items with at most `concurrency` at a time, handing each outcome to
 * `onDone` as soon as it is ready (so outputs are written while the batch goes on).
 * Returns the outcomes in input order. */
export async function runBatch<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
  onDone: (item: T, outcome: R, index: number) => Promise<void> | void,
): Promise<R[]> {
  const outcomes: R[] = new Array(items.length);
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
