/**
 * compromise as one weak vote (research note §2): on Dutch it is neither precise nor fast, so it
 * only looks at the lines holding candidates the rules left undecided (strength 0), and a "person"
 * verdict covering the candidate lifts it to strength 1.
 */
import nlp from 'compromise';
import type { Candidate } from './candidate.js';
import type { Token } from './tokenize.js';

interface PersonJson {
  offset?: { start: number; length: number };
}

export function compromiseVote(text: string, W: readonly Token[], cands: readonly Candidate[]): void {
  // candidates on one line share one window: parse it once
  const parsed = new Map<string, PersonJson[]>();
  for (const c of cands) {
    if (c.drop || c.strength !== 0) continue;
    const start = W[c.s]!.start;
    const end = W[c.e]!.end;
    const from = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 200);
    let to = text.indexOf('\n', end);
    if (to < 0 || to > end + 200) to = Math.min(text.length, end + 200);
    const key = `${from}:${to}`;
    let people = parsed.get(key);
    if (!people) {
      people = nlp(text.slice(from, to)).people().json({ offset: true }) as PersonJson[];
      parsed.set(key, people);
    }
    const hit = people.some((p) => p.offset && from + p.offset.start <= start && from + p.offset.start + p.offset.length >= end);
    if (hit) {
      c.strength = 1;
      c.explanation += '; taalmodel (compromise) herkent een persoon';
    }
  }
}
