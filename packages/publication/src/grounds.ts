import { isApplied, type GroundCode, type Redaction } from '@woo/core';

/** A redaction with, optionally, more than one ground for its box (set by the review step). */
type WithGrounds = Redaction & { additionalGrounds?: readonly GroundCode[] };

/** Every ground a redaction is made on: the main ground first. The one place that knows how
 * grounds sit on a redaction, so counting follows when that model grows. */
export function groundsOf(redaction: Redaction): GroundCode[] {
  const extra = (redaction as WithGrounds).additionalGrounds ?? [];
  return [...new Set([redaction.ground, ...extra])];
}

/** How many applied redactions use each ground, in code order. A box on two grounds counts for both. */
export function countByGround(redactions: readonly Redaction[]): Map<GroundCode, number> {
  const counts = new Map<GroundCode, number>();
  for (const r of redactions) {
    if (!isApplied(r)) continue;
    for (const g of groundsOf(r)) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
}

/** "5.1.2e; 5.1.2i", as a Woo decision lists them. */
export function groundsText(counts: ReadonlyMap<GroundCode, number>): string {
  return [...counts.keys()].join('; ');
}

/** "5.1.2e: 4; 5.1.2i: 1". */
export function countsText(counts: ReadonlyMap<GroundCode, number>): string {
  return [...counts].map(([g, n]) => `${g}: ${n}`).join('; ');
}
