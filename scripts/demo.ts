/** `npm run demo`: redacts the bundled samples into out/ with the real CLI. Two samples are
 * broken on purpose (a truncated and a password-protected PDF) to show how a batch reports a
 * file it cannot process; the demo succeeds when exactly those two fail. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.join(root, 'fixtures', 'samples');
const expectedFailures = new Set(['encrypted.pdf', 'truncated.pdf']);

const run = spawnSync(
  process.execPath,
  // the documents only: the folder also holds their ground truth, which the CLI would try too
  [path.join(root, 'packages/cli/bin/woo-redact.mjs'), path.join(samples, 'pdf'), '--out', path.join(root, 'out'), '--officials', path.join(samples, 'officials.txt'), '--json'],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
);
if (run.status !== 0 && run.status !== 1) process.exit(run.status ?? 2);
const summary = JSON.parse(run.stdout) as { out: string; results: Array<{ file: string; status: string; redactions: number; error?: string }> };
for (const r of summary.results) {
  console.log(`${r.status === 'gelakt' ? 'redacted' : 'FAILED  '}  ${r.file.padEnd(40)} ${r.error ?? `${r.redactions} redactions`}`);
}
const failed = summary.results.filter((r) => r.status !== 'gelakt').map((r) => path.basename(r.file));
const unexpected = failed.filter((f) => !expectedFailures.has(f));
const missing = [...expectedFailures].filter((f) => !failed.includes(f));
console.log(`\nTo publish, in ${summary.out}/openbaar: the redacted PDFs (named by inventory number), inventarislijst.csv/.xlsx, the redaction logs, onderbouwingsrapport.pdf and, with WOO_PUBLISHER set, DiWoo metadata.`);
console.log(`Confidential, in ${summary.out}/vertrouwelijk: <name>.redactions.json (the removed text itself) and verwerkingslog.json.`);
console.log(`The failures of ${[...expectedFailures].join(' and ')} are expected: they show the messages a coordinator gets.`);
if (unexpected.length || missing.length) {
  console.error(`Unexpected result: failed ${JSON.stringify(unexpected)}, should have failed ${JSON.stringify(missing)}`);
  process.exit(1);
}
