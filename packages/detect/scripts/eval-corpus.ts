/**
 * Run the detector over a corpus of texts with truth files ({redact: [{text, category, start, end}],
 * keep: [{text, kind, start, end}]}) and list misses and false positives. Reports, never tunes.
 *   npx tsx packages/detect/scripts/eval-corpus.ts [corpusDir] [builtin|system]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createDetector, parseOfficialsList } from '../src/index.js';

interface Span {
  text: string;
  start: number;
  end: number;
  category?: string;
  kind?: string;
}

const dir = process.argv[2] ?? '/work/shared/dev-corpus';
const mode = (process.argv[3] ?? 'system') as 'system' | 'builtin';
const officialsFile = path.join(dir, 'officials.txt');
const officials = existsSync(officialsFile) ? parseOfficialsList(readFileSync(officialsFile, 'utf8')) : [];
const detector = createDetector({ officials, lexicons: mode });
console.log(`lexicons: ${detector.lexiconMode}, officials: ${officials.length}`);

let found = 0;
let total = 0;
let fp = 0;
let keepHit = 0;
for (const f of readdirSync(path.join(dir, 'text')).filter((f) => f.endsWith('.txt'))) {
  const id = f.replace(/\.txt$/, '');
  const text = readFileSync(path.join(dir, 'text', f), 'utf8');
  const truth = JSON.parse(readFileSync(path.join(dir, 'truth', `${id}.json`), 'utf8')) as { redact: Span[]; keep: Span[] };
  const dets = detector.detect(text);
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  console.log(`\n== ${id}: ${dets.length} detections`);
  for (const r of truth.redact) {
    total++;
    const cover = dets.filter((d) => overlaps(d, r));
    const full = cover.some((d) => d.start <= r.start && d.end >= r.end) || (cover.length > 0 && cover.reduce((n, d) => n + Math.min(d.end, r.end) - Math.max(d.start, r.start), 0) >= r.end - r.start);
    if (full && cover.every((d) => d.confidence >= 0.5)) found++;
    else console.log(`  MISS ${r.category} "${r.text}"${cover.length ? ` (partial/weak: ${cover.map((d) => `"${d.text}" ${d.confidence}`).join(', ')})` : ''}`);
  }
  for (const d of dets) {
    if (truth.redact.some((r) => overlaps(d, r))) continue;
    const keep = truth.keep.find((k) => overlaps(d, k));
    if (d.confidence >= 0.5) fp++;
    if (keep) keepHit++;
    console.log(`  ${d.confidence >= 0.5 ? 'FP  ' : 'weak'} ${d.category} "${d.text}" ${d.confidence} ${d.detector} (${d.explanation})${keep ? ` — KEEP ${keep.kind}` : ''}`);
  }
}
console.log(`\nredact found ${found}/${total}; false positives (conf ≥ 0.5) ${fp}; keep-items hit ${keepHit}`);
