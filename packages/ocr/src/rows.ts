import type { Word } from '@woo/core';

/**
 * Reading order for an upright scanned page. Tesseract reads a form's label column and value
 * column as separate blocks ("Aan:\nVan:\nGebeurtenis:\nWethouder X\nJan Jansen, ..."), which
 * separates every value from its label. Here a tesseract line is continued by the line that starts
 * just right of its end at the same height, so "Van:" and its value share one text line again.
 * Whole tesseract lines are the units, so skew (which tilts long lines by a line height or more)
 * cannot mix up neighbouring lines.
 */
export function rowOrder(words: readonly Word[]): Word[] {
  const lines = groupLines(words);
  const successor = new Map<number, number>();
  const hasPredecessor = new Set<number>();
  lines.forEach((line, i) => {
    const last = line.at(-1)!;
    let best: number | undefined;
    let bestGap = Infinity;
    lines.forEach((other, j) => {
      if (j === i || hasPredecessor.has(j)) return;
      const first = other[0]!;
      const gap = first.box.x - (last.box.x + last.box.width);
      if (gap <= 0 || gap >= bestGap || verticalOverlap(last, first) < 0.5) return;
      best = j;
      bestGap = gap;
    });
    if (best !== undefined) {
      successor.set(i, best);
      hasPredecessor.add(best);
    }
  });
  const chains: Word[][] = [];
  lines.forEach((_, i) => {
    if (hasPredecessor.has(i)) return;
    const chain: Word[] = [];
    const seen = new Set<number>();
    for (let k: number | undefined = i; k !== undefined && !seen.has(k); k = successor.get(k)) {
      seen.add(k);
      chain.push(...lines[k]!);
    }
    chains.push(chain);
  });
  chains.sort((a, b) => a[0]!.box.y - b[0]!.box.y || a[0]!.box.x - b[0]!.box.x);
  return chains.flatMap((chain, line) => chain.map((w) => ({ ...w, line })));
}

function groupLines(words: readonly Word[]): Word[][] {
  const byLine = new Map<number, Word[]>();
  words.forEach((w, i) => {
    const key = w.line ?? -1 - i;
    const line = byLine.get(key) ?? [];
    line.push(w);
    byLine.set(key, line);
  });
  return [...byLine.values()];
}

/** Shared height of two boxes as a share of the smaller one. */
function verticalOverlap(a: Word, b: Word): number {
  const top = Math.max(a.box.y, b.box.y);
  const bottom = Math.min(a.box.y + a.box.height, b.box.y + b.box.height);
  return Math.max(0, bottom - top) / Math.max(1e-6, Math.min(a.box.height, b.box.height));
}
