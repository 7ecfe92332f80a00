import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchPeakRss } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks } from '../../../fixtures/mail-office/leaks.js';
import { patternLetter, type PatternLetter } from './pattern-pdf.js';

/* Names painted through shading and tiling patterns (text and outlines) are read, redacted and gone, with the
 * stage child under a memory cap that an ordinary OCR'd letter needs (about 850 MB here) plus a
 * margin. The old render took a full-page copy of the pattern per glyph: gigabytes for this page. */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/woo-redact.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'woo-cli-pattern-'));
const out = path.join(work, 'uit');
const CAP_MB = 1024;

interface Result {
  status: string;
  errorCode?: string;
  error?: string;
  ocrPages: number[];
  report?: string;
}

let letter: PatternLetter;
let run: { status: number | null; stderr: string; result: Result; peakMb: number };

/** Letters and digits only, without diacritics: OCR may read "Zielińska" as "Zielinska". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const compact = (s: string) => fold(s).toLowerCase().replace(/[^\p{L}\p{N}@]+/gu, '');

beforeAll(async () => {
  letter = await patternLetter(7);
  fs.mkdirSync(path.join(work, 'in'));
  fs.writeFileSync(path.join(work, 'in', 'brief.pdf'), letter.pdf);
  const child = spawn(process.execPath, [bin, path.join(work, 'in'), '--out', out, '--json', '--quiet'], {
    cwd: root,
    env: { ...process.env, STAGE_MEMORY_MB: String(CAP_MB) },
  });
  const peak = watchPeakRss(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const peakMb = peak.stop();
  console.log(`peak RSS of the CLI and its stage child: ${Math.round(peakMb)} MB`);
  const result = (JSON.parse(stdout) as { results: Result[] }).results[0]!;
  run = { status, stderr, result, peakMb };
}, 240_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('woo-redact on a letter whose people are painted with shading and tiling patterns', () => {
  it(`reads the page within STAGE_MEMORY_MB=${CAP_MB}`, () => {
    expect(run.result.errorCode, run.result.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(run.result.status).toBe('gelakt');
    // the outline lines have no text layer: ink accounting sent the page to OCR
    expect(run.result.ocrPages).toEqual([1]);
    // the CLI and its stage child together
    expect(run.peakMb).toBeLessThan(CAP_MB + 600);
  });

  it('redacts every name and number, and neither pdftotext nor tesseract finds any in the output', async () => {
    const report = JSON.parse(fs.readFileSync(run.result.report!, 'utf8')) as { redactions: Array<{ text: string; status: string }> };
    const redacted = report.redactions.filter((r) => r.status === 'accepted').map((r) => compact(r.text)).join('|');
    const truth = letter.people.flatMap((p) => [
      { text: p.name, category: 'name' as const, file: 'brief.pdf', hidden: false },
      { text: p.phone, category: 'phone' as const, file: 'brief.pdf', hidden: false },
    ]);
    expect(truth.filter((t) => !redacted.includes(compact(t.text))).map((t) => t.text)).toEqual([]);
    // a name is looked for as written and as read without its diacritics
    const spellings = truth.flatMap((t) => (fold(t.text) === t.text ? [t] : [t, { ...t, text: fold(t.text) }]));
    expect(await findLeaks(path.join(out, 'openbaar'), spellings, { ocr: true })).toEqual([]);
  }, 120_000);
});
