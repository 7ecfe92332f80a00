import { readFileSync } from 'node:fs';

function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Resident memory (MB) of a process and all its descendants, from /proc (Linux). */
export function treeRssMb(pid: number): number {
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readOr(`/proc/${pid}/status`))?.[1] ?? 0);
  const tasks = readOr(`/proc/${pid}/task/${pid}/children`).trim();
  const children = tasks ? tasks.split(/\s+/).map(Number) : [];
  return kb / 1024 + children.reduce((sum, child) => sum + treeRssMb(child), 0);
}

/** Samples `treeRssMb(pid)` every `everyMs` until stopped; `stop()` gives the peak. */
export function watchPeakRss(pid: number, everyMs = 50): { stop(): number } {
  let peak = treeRssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(pid))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRssMb(pid));
    },
  };
}
