/**
 * npm run eval [-- --builtin] [--scanned] [--seed N] [--docs N] [--casts a,b,c,d] [--keep DIR]
 *
 * Generates one corpus per cast of names (fixtures/generate.ts, digital; --scanned adds the image-only
 * variants), runs the woo-redact CLI on each and on ../shared/dev-corpus (digital, when it exists beside
 * the repository), scores the output with the dev corpus's score.py and prints, per corpus, the SCORE
 * line, recall per category, keep, over-redaction and the misses and lost keep strings.
 * --builtin runs the detector without the system gazetteers (WOO_LEXICONS=builtin).
 * Needs python3 and poppler-utils (pdftotext, pdftoppm); --scanned also tesseract.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const builtin = flag('builtin');
const scanned = flag('scanned');
const seed = value('seed', '11');
const docs = value('docs', '24');
const casts = value('casts', 'a,b,c,d').split(',').filter(Boolean);
const work = flag('keep') ? value('keep', '') : mkdtempSync(path.join(os.tmpdir(), 'woo-eval-'));
mkdirSync(work, { recursive: true });
const devCorpus = path.resolve(root, '..', 'shared', 'dev-corpus');
const scorePy = path.join(devCorpus, 'score.py');
const env = { ...process.env, WOO_LEXICONS: builtin ? 'builtin' : 'system' };

function need(cmd: string, why: string): boolean {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  if (r.status !== 0) console.error(`eval: '${cmd}' is missing (${why})`);
  return r.status === 0;
}

function run(cmd: string, argv: string[], quiet = true): { ok: boolean; out: string } {
  const r = spawnSync(cmd, argv, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && !quiet) process.stderr.write(r.stderr ?? '');
  return { ok: r.status === 0 || r.status === 1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** The useful part of score.py -v: leaks, lost keep strings, summary lines. */
function summarise(name: string, report: string): string {
  const lines = report.split('\n');
  const out: string[] = [];
  let doc = '';
  for (const l of lines) {
    const m = /^(\S+_(?:digital|scanned))\s/.exec(l);
    if (m) doc = m[1]!;
    else if (/^\s+(leaked|keep lost|words lost):/.test(l)) out.push(`  ${doc}: ${l.trim()}`);
    else if (/^(digital|scanned)\s+recall=|^per category:|^SCORE/.test(l)) out.push(l.startsWith('SCORE') ? `SCORE[${name}] ${l.slice(6)}` : `  ${l}`);
  }
  return out.join('\n');
}

function evaluate(name: string, truth: string, pdfs: string, officials: string, only?: string): void {
  const out = path.join(work, `${name}.out`);
  rmSync(out, { recursive: true, force: true });
  const cli = spawnSync('node', [path.join(root, 'packages/cli/bin/woo-redact.mjs'), pdfs, '--out', out, '--officials', officials, '--quiet', '--json'], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (cli.status !== 0 && cli.status !== 1) {
    console.log(`SCORE[${name}] failed: the CLI did not run\n${cli.stdout ?? ''}${cli.stderr ?? ''}`);
    return;
  }
  // score.py wants <doc>.redacted.pdf; openbaar/ names files by inventory number, so link them
  const scored = path.join(out, 'score');
  mkdirSync(scored, { recursive: true });
  for (const r of (JSON.parse(cli.stdout) as { results: Array<{ file: string; output?: string }> }).results) {
    if (r.output) symlinkSync(r.output, path.join(scored, `${path.basename(r.file).replace(/\.[^.]+$/, '')}.redacted.pdf`));
  }
  const score = run('python3', [scorePy, '--truth', truth, '--out', scored, '-v', ...(only ? ['--only', only] : [])]);
  console.log(`\n== ${name} (${builtin ? 'builtin' : 'system'} lexicons)\n${summarise(name, score.out)}`);
}

const tools = need('python3', 'score.py') && need('pdftotext', 'poppler-utils, for the generator and score.py') && (!scanned || need('tesseract', 'OCR of scanned variants'));
if (!tools) process.exit(2);
if (!existsSync(scorePy)) {
  console.error(`eval: ${scorePy} not found: score.py comes with ../shared/dev-corpus`);
  process.exit(2);
}
for (const cast of casts) {
  const dir = path.join(work, `cast-${cast}-seed${seed}`);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    const g = run('npx', ['tsx', 'fixtures/generate.ts', '--out', dir, '--docs', docs, '--seed', seed, '--cast', cast, ...(scanned ? ['--scanned'] : [])], false);
    if (!g.ok) {
      console.log(`SCORE[cast-${cast}] failed: generator\n${g.out}`);
      continue;
    }
  }
  evaluate(`cast-${cast}-seed${seed}`, dir, path.join(dir, 'pdf'), path.join(dir, 'officials.txt'), scanned ? undefined : 'digital');
}
if (existsSync(path.join(devCorpus, 'manifest.json'))) {
  const pdfs = path.join(work, 'dev-corpus-pdf');
  mkdirSync(pdfs, { recursive: true });
  for (const f of readdirSync(path.join(devCorpus, 'pdf'))) if (f.endsWith('_digital.pdf') || (scanned && f.endsWith('_scanned.pdf'))) copyFileSync(path.join(devCorpus, 'pdf', f), path.join(pdfs, f));
  evaluate('dev-corpus', devCorpus, pdfs, path.join(devCorpus, 'officials.txt'), scanned ? undefined : 'digital');
} else {
  console.log(`\n(skipped the dev corpus: ${devCorpus} not found)`);
}
console.log(`\nwork folder: ${work}`);
