import type { DossierKnowledge } from './types.js';

/** DossierKnowledge as JSON, to store what one document teaches its batch (batch_knowledge). Every
 * field of DossierKnowledge must appear here: the `satisfies` below fails to compile otherwise. */
export interface StoredKnowledge {
  names: { keys: string[]; particles: Array<[string, string[]]> };
  orgDomains: string[];
  homeStreets: string[];
  /** Names of organisations, streets and places named after people, kept in every document. */
  keepNames: { phrases: string[]; parts: string[] };
}

export function storeKnowledge(k: DossierKnowledge): StoredKnowledge {
  return {
    names: { keys: [...k.names.keys], particles: [...k.names.particles].map(([key, ps]): [string, string[]] => [key, [...ps]]) },
    orgDomains: [...new Set(k.orgDomains)],
    homeStreets: [...k.homeStreets],
    keepNames: { phrases: [...k.keepNames.phrases], parts: [...k.keepNames.parts] },
  } satisfies Record<keyof DossierKnowledge, unknown>;
}

/** Adds what a stored document taught to a dossier's knowledge (a union: order-independent for
 * membership, and the order of the calls is kept for everything else). */
export function addKnowledge(into: DossierKnowledge, stored: StoredKnowledge): void {
  for (const key of stored.names.keys) into.names.keys.add(key);
  for (const [key, ps] of stored.names.particles) {
    const set = into.names.particles.get(key) ?? new Set<string>();
    for (const p of ps) set.add(p);
    into.names.particles.set(key, set);
  }
  for (const d of stored.orgDomains) if (!into.orgDomains.includes(d)) into.orgDomains.push(d);
  for (const h of stored.homeStreets) into.homeStreets.add(h);
  for (const p of stored.keepNames.phrases) into.keepNames.phrases.add(p);
  for (const p of stored.keepNames.parts) into.keepNames.parts.add(p);
}
