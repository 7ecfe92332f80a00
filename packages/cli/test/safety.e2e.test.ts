import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hugeImagePdf, manyPagesPdf, pixelBombPng, textPdf, watchPeakRss } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/woo-redact.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'woo-cli-safety-'));
const tmp = path.join(work, 'tmp');
const env = { ...process.env, TMPDIR: tmp };

function cli(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env });
}

/** The CLI in the background: its exit, its stderr so far, and its process id. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, stderr: () => stderr, stdout: () => stdout };
}

const inventory = (out: string) => fs.readFileSync(path.join(out, 'openbaar', 'inventarislijst.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
const ourTempFolders = () => fs.readdirSync(tmp).filter((name) => name.startsWith('woo-redact-'));

beforeAll(async () => {
  fs.mkdirSync(tmp);
  const letters = path.join(work, 'brieven');
  fs.mkdirSync(letters);
  for (let i = 1; i <= 8; i++) {
    fs.writeFileSync(path.join(letters, `brief-${i}.pdf`), await textPdf([[`Geachte heer Jan de Vries ${i},`, 'Bel mij op 06-12345678.'], ['Met vriendelijke groet, Pieter Bakker']]));
  }
  const bombs = path.join(work, 'bommen');
  fs.mkdirSync(bombs);
  fs.writeFileSync(path.join(bombs, 'bom.png'), pixelBombPng(30_000));
  fs.writeFileSync(path.join(bombs, 'groot-beeld.pdf'), await hugeImagePdf(30_000));
  fs.writeFileSync(path.join(bombs, 'tienduizend.pdf'), manyPagesPdf());
  fs.writeFileSync(path.join(bombs, 'brief.pdf'), await textPdf([['Geachte mevrouw Karin Smit,']]));
  fs.mkdirSync(path.join(work, 'leeg'));
  fs.writeFileSync(path.join(work, 'een-bestand'), 'x');
}, 60_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('woo-redact refuses wrong usage with exit 2 before reading a document', () => {
  it('without --out, with an output path that is a file or cannot be made, and for an empty folder', () => {
    const letters = path.join(work, 'brieven');
    const noOut = cli(letters);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('Geef met --out <map> op');
    const file = cli(letters, '--out', path.join(work, 'een-bestand'));
    expect(file.status).toBe(2);
    expect(file.stderr).toContain('is een bestand, geen map');
    const under = cli(letters, '--out', path.join(work, 'een-bestand', 'uit'));
    expect(under.status).toBe(2);
    expect(under.stderr).toMatch(/kan niet worden geschreven \(ENOTDIR\)/);
    const empty = cli(path.join(work, 'leeg'), '--out', path.join(work, 'uit-leeg'));
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('Geen bestanden gevonden');
    expect(fs.existsSync(path.join(work, 'uit-leeg', 'openbaar', 'inventarislijst.csv'))).toBe(false);
    expect(cli('--onbekende-optie').status).toBe(2);
  });
});

describe('woo-redact with memory bombs in the batch', () => {
  it('fails each alone with a Dutch message while the rest is redacted, within the memory cap', async () => {
    const out = path.join(work, 'uit-bommen');
    const run = startCli([path.join(work, 'bommen'), '--out', out, '--json', '--quiet']);
    const peak = watchPeakRss(run.child.pid!);
    expect(await run.exit).toBe(1);
    const peakMb = peak.stop();
    const summary = JSON.parse(run.stdout()) as { results: Array<{ file: string; status: string; errorCode?: string; error?: string }> };
    const byName = Object.fromEntries(summary.results.map((r) => [r.file, r]));
    expect(byName['bom.png']).toMatchObject({ status: 'mislukt', errorCode: 'too-many-pixels' });
    expect(byName['groot-beeld.pdf']).toMatchObject({ status: 'mislukt', errorCode: 'too-many-pixels' });
    expect(byName['tienduizend.pdf']).toMatchObject({ status: 'mislukt', errorCode: 'too-many-pages', error: expect.stringContaining("10.000 pagina's") });
    expect(byName['brief.pdf']!.status).toBe('gelakt');
    console.info(`CLI with memory bombs: peak ${Math.round(peakMb)} MB for the CLI and its stage children`);
    // the CLI and two stage children with pdfjs loaded (measured: about 1350 MB); each child is capped at STAGE_MEMORY_MB
    expect(peakMb).toBeLessThan(2000);
  });
});

describe('woo-redact stopped with Ctrl-C and resumed', () => {
  const out = path.join(work, 'uit-brieven');

  it('stops on SIGINT with a Dutch message, lists the unfinished documents as not processed and removes its temporary folder', async () => {
    const run = startCli([path.join(work, 'brieven'), '--out', out, '--concurrency', '1']);
    const started = Date.now();
    while (!/\[1\/8 gelakt\]/.test(run.stderr()) && Date.now() - started < 120_000) await new Promise((r) => setTimeout(r, 50));
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    expect(run.stderr()).toContain('Onderbroken (SIGINT)');
    expect(run.stderr()).toMatch(/Start opnieuw met --resume/);
    const rows = inventory(out);
    expect(rows).toHaveLength(8);
    const unfinished = rows.filter((r) => r.includes(';niet verwerkt;') && r.includes('onderbroken'));
    expect(unfinished.length).toBeGreaterThan(0);
    expect(unfinished.length).toBeLessThan(8);
    expect(ourTempFolders()).toEqual([]);
  }, 180_000);

  it('--resume skips the documents whose outputs are complete and verified, and redoes a tampered one', async () => {
    const confidential = path.join(out, 'vertrouwelijk');
    const before = JSON.parse(fs.readFileSync(path.join(confidential, 'brief-1.redactions.json'), 'utf8')) as { redactions: unknown[] };
    expect(before.redactions.length).toBeGreaterThan(0);
    const finished = fs.readdirSync(confidential).filter((f) => f.endsWith('.redactions.json')).map((f) => f.replace('.redactions.json', '.pdf'));
    // a half-finished output (the published PDF lost) is not complete
    const log = JSON.parse(fs.readFileSync(path.join(confidential, 'verwerkingslog.json'), 'utf8')) as { results: Array<{ file: string; output?: string }> };
    fs.rmSync(log.results.find((r) => r.file === 'brief-1.pdf')!.output!);
    const run = startCli([path.join(work, 'brieven'), '--out', out, '--resume', '--json', '--quiet']);
    expect(await run.exit).toBe(0);
    const summary = JSON.parse(run.stdout()) as { results: Array<{ file: string; status: string; resumed?: boolean }> };
    expect(summary.results.every((r) => r.status === 'gelakt')).toBe(true);
    const resumed = summary.results.filter((r) => r.resumed).map((r) => r.file).sort();
    expect(resumed).toEqual(finished.filter((f) => f !== 'brief-1.pdf').sort());
    expect(inventory(out).filter((r) => r.includes(';deels openbaar;'))).toHaveLength(8);
  }, 180_000);
});
