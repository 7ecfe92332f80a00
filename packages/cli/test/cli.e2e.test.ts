import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../fixtures/generator/corpus.js';
import type { Truth } from '../../../fixtures/generator/truth.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/woo-redact.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'woo-cli-'));
const input = path.join(work, 'in');
const out = path.join(work, 'out');
let truths: Truth[] = [];
let run: { status: number | null; stdout: string; stderr: string };

function cli(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
}

const pdftotext = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  const corpus = await generateCorpus({ out: input, docs: 3, seed: 31, cast: 'a', scanned: false, types: ['email', 'letter', 'minutes'] });
  truths = corpus.truths;
  // broken files in a subfolder: found recursively, each fails alone
  fs.mkdirSync(path.join(input, 'pdf', 'aangeleverd'));
  for (const bad of ['empty.pdf', 'png-named.pdf', 'text-named.pdf']) fs.copyFileSync(path.join(root, 'fixtures/bad', bad), path.join(input, 'pdf', 'aangeleverd', bad));
  run = cli(path.join(input, 'pdf'), '--out', out, '--officials', path.join(input, 'officials.txt'), '--json', '--concurrency', '2');
}, 300_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('woo-redact on a folder', () => {
  it('redacts every readable document, fails the broken ones alone and exits 1', () => {
    expect(run.status).toBe(1);
    const summary = JSON.parse(run.stdout) as { results: Array<{ file: string; status: string; error?: string }> };
    const byName = new Map(summary.results.map((r) => [path.basename(r.file), r]));
    for (const t of truths) expect(byName.get(`${t.doc}_digital.pdf`)?.status).toBe('gelakt');
    expect(byName.get('empty.pdf')?.error).toMatch(/leeg/);
    // a PNG is an image whatever its name says: it is read by OCR like any scan
    expect(byName.get('png-named.pdf')?.status).toBe('gelakt');
    expect(byName.get('text-named.pdf')?.error).toMatch(/geen PDF/);
  });

  it('writes the inventory with one row per document, failures included', () => {
    const csv = fs.readFileSync(path.join(out, 'inventarislijst.csv'), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(1 + truths.length + 3);
    expect(lines.filter((l) => l.includes(';Deels openbaar;5.1.2e;'))).toHaveLength(truths.length);
    expect(lines.filter((l) => l.includes(';Niet verwerkt;'))).toHaveLength(2);
  });

  it('removes the personal data from the text layer and keeps officials and the rest', () => {
    for (const t of truths) {
      const text = squash(pdftotext(path.join(out, `${t.doc}_digital.redacted.pdf`)));
      const structured = t.redact.filter((r) => r.category !== 'name');
      for (const r of structured) expect(text, `${t.doc}: ${r.category}`).not.toContain(squash(r.text));
      const names = t.redact.filter((r) => r.category === 'name');
      const leaked = names.filter((r) => text.includes(squash(r.text)));
      expect(leaked.length / names.length, `${t.doc} leaked ${leaked.map((r) => r.text).join(', ')}`).toBeLessThan(0.1);
      const officials = t.keep.filter((k) => k.kind === 'official');
      const lost = officials.filter((k) => !text.includes(squash(k.text)));
      expect(lost.length, `${t.doc} lost ${lost.map((k) => k.text).join(', ')}`).toBeLessThanOrEqual(officials.length * 0.1);
    }
  });

  it('labels every box 5.1.2e and marks the report confidential', () => {
    for (const t of truths) {
      const report = JSON.parse(fs.readFileSync(path.join(out, `${t.doc}_digital.redactions.json`), 'utf8'));
      expect(Object.keys(report)[0]).toBe('vertrouwelijk');
      const boxes = report.redactions.filter((r: { status: string }) => r.status === 'accepted').reduce((n: number, r: { boxes: unknown[] }) => n + r.boxes.length, 0);
      const labels = pdftotext(path.join(out, `${t.doc}_digital.redacted.pdf`)).match(/5\.1\.2e/g)?.length ?? 0;
      expect(labels).toBe(boxes);
      // --export auto: every page is accounted for, and clean digital pages keep their content
      const { vector, raster } = report.exportedPages as { vector: number[]; raster: number[] };
      expect([...vector, ...raster].sort((a, b) => a - b)).toEqual(Array.from({ length: report.pages }, (_, i) => i + 1));
      expect(vector.length, t.doc).toBeGreaterThan(0);
    }
  });

  it('verify passes the export and rejects one with redacted text put back', async () => {
    const t = truths[0]!;
    const pdfPath = path.join(out, `${t.doc}_digital.redacted.pdf`);
    const reportPath = path.join(out, `${t.doc}_digital.redactions.json`);
    expect(cli('verify', pdfPath, '--against', reportPath).status).toBe(0);
    const doc = await PDFDocument.load(fs.readFileSync(pdfPath));
    const name = t.redact.find((r) => r.category === 'name')!.text;
    doc.getPage(0).drawText(name, { x: 40, y: 40, size: 9, font: await doc.embedFont(StandardFonts.Helvetica) });
    const tampered = path.join(work, 'tampered.pdf');
    fs.writeFileSync(tampered, await doc.save());
    const result = cli('verify', tampered, '--against', reportPath);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/AFGEKEURD/);
  });
});
