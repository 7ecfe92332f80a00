/**
 * Fast text-level check of the detector against corpora with truth files (text/<id>.txt,
 * truth/<id>.json: {redact: [{text, category, start, end}], keep: [{text, kind, start, end}]}).
 * It approximates score.py on the plain text (no PDF round trip): a redact item counts as found when
 * every alphanumeric token of it is covered by detections of confidence ≥ 0.5 (names, e-mails and
 * addresses: short tokens and particles may stay visible); a keep item is lost when a detection
 * overlaps it. Reports, never tunes.
 *   npx tsx packages/detect/scripts/eval-corpus.ts [builtin|system] corpusDir...
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

const args = process.argv.slice(2);
const mode = args[0] === 'builtin' || args[0] === 'system' ? (args.shift() as 'system' | 'builtin') : 'system';
const quiet = args[0] === '-q' ? (args.shift(), true) : false;
const dirs = args.length ? args : ['/work/shared/dev-corpus'];
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'in', 't', 'op', 'het', 'el', 'la', 'le', 'da', 'dhr', 'mevr', 'mr', 'dr', 'mw', 'heer', 'mevrouw', 'ir', 'drs']);
const PARTIAL = new Set(['name', 'email', 'address', 'birthdate']);
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

for (const dir of dirs) {
  const officialsFile = path.join(dir, 'officials.txt');
  const officials = existsSync(officialsFile) ? parseOfficialsList(readFileSync(officialsFile, 'utf8')) : [];
  const detector = createDetector({ officials, lexicons: mode });
  const per = new Map<string, [number, number]>();
  let keepTotal = 0;
  let keepLost = 0;
  let fp = 0;
  const lines: string[] = [];
  const files = readdirSync(path.join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort();
  const texts = files.map((f) => readFileSync(path.join(dir, 'text', f), 'utf8'));
  const batch = detector.detectBatch ? detector.detectBatch(texts) : texts.map((t) => detector.detect(t));
  files.forEach((f, fi) => {
    const id = f.replace(/\.txt$/, '');
    const text = texts[fi]!;
    const truth = JSON.parse(readFileSync(path.join(dir, 'truth', `${id}.json`), 'utf8')) as { redact: Span[]; keep: Span[] };
    const dets = batch[fi]!.filter((d) => d.confidence >= 0.5);
    const covered = new Uint8Array(text.length);
    for (const d of dets) covered.fill(1, d.start, d.end);
    for (const r of truth.redact) {
      const cat = r.category ?? '?';
      const stat = per.get(cat) ?? [0, 0];
      stat[1]++;
      let ok = true;
      let any = false;
      for (const m of text.slice(r.start, r.end).matchAll(/[\p{L}\p{N}]+/gu)) {
        const s = r.start + m.index;
        let cov = true;
        for (let k = s; k < s + m[0].length; k++) if (!covered[k]) cov = false;
        if (cov) any = true;
        else if (!(PARTIAL.has(cat) && (m[0].length < 4 || PARTICLES.has(m[0].toLowerCase())))) ok = false;
      }
      if (ok && any) stat[0]++;
      else lines.push(`  MISS ${id} ${cat} "${r.text}"`);
      per.set(cat, stat);
    }
    for (const k of truth.keep) {
      keepTotal++;
      const hit = dets.find((d) => overlaps(d, k));
      if (hit) {
        keepLost++;
        lines.push(`  KEEP-LOST ${id} ${k.kind} "${k.text}" by "${hit.text}" ${hit.detector} (${hit.explanation})`);
      }
    }
    for (const d of dets) {
      if (truth.redact.some((r) => overlaps(d, r)) || truth.keep.some((k) => overlaps(d, k))) continue;
      fp++;
      lines.push(`  FP ${id} ${d.category} "${d.text}" ${d.confidence} ${d.detector} (${d.explanation})`);
    }
  });
  const found = [...per.values()].reduce((n, s) => n + s[0], 0);
  const total = [...per.values()].reduce((n, s) => n + s[1], 0);
  if (!quiet) console.log(lines.join('\n'));
  console.log(
    `${path.basename(dir)} [${detector.lexiconMode}] recall=${(found / total).toFixed(3)} (${found}/${total}) keep=${(1 - keepLost / Math.max(1, keepTotal)).toFixed(3)} fp=${fp}  ` +
      [...per].map(([c, [a, b]]) => `${c}=${a}/${b}`).join(' '),
  );
}
