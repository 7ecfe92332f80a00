export interface BenchRow {
  what: string;
  value: number;
  unit: string;
  /** Baseline time / our time: > 1 means faster than the baseline. */
  ratio?: number;
}

/** Fastest of `n` runs, in seconds: the least disturbed by other work on a shared machine. */
export async function bestOf(n: number, run: () => Promise<void>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

export function printRows(title: string, rows: readonly BenchRow[]): void {
  console.log(`\n${title}`);
  for (const r of rows) {
    const ratio = r.ratio === undefined ? '' : `   ratio vs baseline ${r.ratio.toFixed(2)}×`;
    console.log(`  ${r.what.padEnd(44)} ${r.value.toFixed(r.value < 10 ? 2 : 0).padStart(9)} ${r.unit}${ratio}`);
  }
}
