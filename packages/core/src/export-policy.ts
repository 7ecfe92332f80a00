import type { Redaction } from './redaction.js';

/** Below this detector confidence a suggestion is a weak hint ("Kamer", a capitalised word that is
 * also a first name): flagged for a reviewer's eye, never blacked out without one. */
export const WEAK_HINT_THRESHOLD = 0.5;

/** How undecided suggestions are treated when a document is exported; the one policy of the CLI,
 * the service's export and the API schema.
 * - accepted-only: only what a reviewer accepted or added is blacked out (the service refuses the
 *   export while suggestions are open).
 * - accept-suggested: the unattended (nightly) policy: every suggestion the detectors stand behind
 *   is accepted; weak hints stay open for a reviewer and are listed, not blacked out. */
export const EXPORT_POLICIES = ['accepted-only', 'accept-suggested'] as const;
export type ExportPolicy = (typeof EXPORT_POLICIES)[number];

export function isWeakHint(r: Pick<Redaction, 'confidence'>): boolean {
  return r.confidence < WEAK_HINT_THRESHOLD;
}

/** True when `policy` accepts this undecided suggestion on the reviewer's behalf at export. */
export function acceptedByPolicy(r: Pick<Redaction, 'status' | 'confidence'>, policy: ExportPolicy): boolean {
  return policy === 'accept-suggested' && r.status === 'suggested' && !isWeakHint(r);
}

/** The redactions as the export sees them under `policy`. */
export function applyExportPolicy(redactions: readonly Redaction[], policy: ExportPolicy): Redaction[] {
  return redactions.map((r) => (acceptedByPolicy(r, policy) ? { ...r, status: 'accepted' } : r));
}
