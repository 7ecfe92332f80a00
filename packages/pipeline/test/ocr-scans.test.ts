// Scans and images through the whole pipeline (image -> PDF, OCR, detection, export, verify): the
// personal data printed on them must be gone from the export's pixels and text layer, the rest must
// stay readable and searchable. The export is checked with tools of its own: poppler renders it,
// native tesseract reads the pixels back, pdftotext reads the text layer.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector } from '@woo/detect';
import { createOcrEngine, type OcrEngine } from '@woo/ocr';
import { canvasModule } from '../../../fixtures/generator/scan.js';
import { renderScan, scansToPdf, scansToTiff, scanToJpeg, scanToPng } from '../../../fixtures/generator/scan-pages.js';
import { processDocument, type DocumentOutcome, type ProcessedDocument } from '../src/index.js';

const run = promisify(execFile);

const LETTER = ['Geachte mevrouw Bakker,', 'Mail naar s.bakker@gemeente.nl of bel', '06-12345678 voor de afspraak.', 'Met vriendelijke groet, Pieter Jansen'];
const LETTER_PII = ['Bakker', 's.bakker', '06-12345678', 'Pieter Jansen'];
const LETTER_KEPT = ['Geachte', 'mevrouw', 'afspraak', 'vriendelijke', 'groet'];

const NOTE = ['Verslag van het gesprek met Fatima Yilmaz', 'over de subsidie. Zij is bereikbaar op', '06-98765432 of f.yilmaz@ziggo.nl.'];
const NOTE_PII = ['Fatima Yilmaz', '06-98765432', 'f.yilmaz@ziggo.nl'];
const NOTE_KEPT = ['Verslag', 'gesprek', 'subsidie', 'bereikbaar'];

interface Case {
  name: string;
  input: () => Promise<Uint8Array>;
  /** Per page: how far the text is turned clockwise (to read the export back upright). */
  turns: number[];
  pii: string[];
  kept: string[];
}

const CASES: Case[] = [
  { name: 'a PDF scan turned 90°', input: () => scansToPdf([renderScan(LETTER, { turn: 90, dpi: 200, seed: 1 })]), turns: [90], pii: LETTER_PII, kept: LETTER_KEPT },
  { name: 'a PDF scan upside down', input: () => scansToPdf([renderScan(LETTER, { turn: 180, dpi: 200, seed: 2 })]), turns: [180], pii: LETTER_PII, kept: LETTER_KEPT },
  { name: 'a PDF scan skewed 1.5°', input: () => scansToPdf([renderScan(LETTER, { turn: 1.5, dpi: 200, seed: 3 })]), turns: [0], pii: LETTER_PII, kept: LETTER_KEPT },
  { name: 'a PNG', input: () => scanToPng(renderScan(NOTE, { seed: 4 })), turns: [0], pii: NOTE_PII, kept: NOTE_KEPT },
  { name: 'a JPEG', input: () => scanToJpeg(renderScan(NOTE, { turn: -1, seed: 5 })), turns: [0], pii: NOTE_PII, kept: NOTE_KEPT },
  {
    name: 'a 2-page TIFF',
    input: async () => scansToTiff([renderScan(LETTER, { seed: 6 }), renderScan(NOTE, { seed: 7 })]),
    turns: [0, 0],
    pii: [...LETTER_PII, ...NOTE_PII],
    kept: [...LETTER_KEPT, ...NOTE_KEPT],
  },
];

interface Checked {
  outcome: DocumentOutcome;
  /** Native tesseract's reading of the exported pixels, each page turned upright. */
  pixels: string;
  /** pdftotext of the export: its invisible OCR text layer. */
  textLayer: string;
}

let engine: OcrEngine;
let work: string;
const results = new Map<string, Promise<Checked>>();

beforeAll(async () => {
  engine = await createOcrEngine({ workers: 2 });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'woo-ocr-scans-'));
  const detector = createDetector();
  // all documents at once: the engine's two workers and the native re-reading share the cores
  CASES.forEach((c, i) => {
    results.set(
      c.name,
      (async () => {
        const outcome = await processDocument(await c.input(), { detector, ocr: engine, policy: 'accept-suggested' });
        if (!outcome.ok) return { outcome, pixels: '', textLayer: '' };
        const file = path.join(work, `case-${i}.pdf`);
        fs.writeFileSync(file, outcome.pdf);
        const { stdout: textLayer } = await run('pdftotext', ['-layout', file, '-']);
        return { outcome, pixels: await readPixels(file, c.turns), textLayer };
      })(),
    );
  });
  // a failure shows up in the test of its case
  await Promise.allSettled(results.values());
});

afterAll(async () => {
  await engine?.terminate();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('scans and images through the pipeline', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: personal data gone from pixels and text layer, the rest kept', async (_, c) => {
    const { outcome, pixels, textLayer } = await results.get(c.name)!;
    if (!outcome.ok) throw new Error(`not processed: ${outcome.error.message}`);
    const done: ProcessedDocument = outcome;
    expect(done.pages).toBe(c.turns.length);
    expect(done.ocrPages.map((p) => p.page)).toEqual(c.turns.map((_, i) => i + 1));
    for (const p of done.ocrPages) {
      expect(p.confidence).toBeGreaterThan(70);
      expect(p.lowConfidence).toBe(false);
    }
    for (const pii of c.pii) {
      expect(fuzzyFind(pixels, pii), `"${pii}" still legible in the exported pixels:\n${pixels}`).toBe(false);
      expect(fuzzyFind(textLayer, pii), `"${pii}" in the text layer:\n${textLayer}`).toBe(false);
    }
    for (const word of c.kept) {
      expect(fuzzyFind(pixels, word), `"${word}" no longer legible:\n${pixels}`).toBe(true);
      // the text layer holds the OCR words of kept text, so the export is searchable
      expect(fold(textLayer), `"${word}" not searchable:\n${textLayer}`).toContain(fold(word));
    }
  });
});

/** Renders every page of `file` with poppler and reads it with native tesseract, turned upright. */
async function readPixels(file: string, turns: readonly number[]): Promise<string> {
  const prefix = file.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-r', '200', '-gray', '-png', file, prefix]);
  const pages = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(`${path.basename(prefix)}-`) && f.endsWith('.png')).sort();
  expect(pages).toHaveLength(turns.length);
  const texts: string[] = [];
  for (const [i, page] of pages.entries()) {
    const png = path.join(path.dirname(file), page);
    await turnPng(png, turns[i]!);
    const { stdout } = await run('tesseract', [png, '-', '-l', 'nld+eng', '--dpi', '200'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    texts.push(stdout);
  }
  return texts.join('\n');
}

/** Turns a PNG counter-clockwise by `turn` (a multiple of 90), in place. */
async function turnPng(file: string, turn: number): Promise<void> {
  const quarter = ((Math.round(turn / 90) % 4) + 4) % 4;
  if (!quarter) return;
  const { createCanvas, loadImage } = canvasModule();
  const img = await loadImage(fs.readFileSync(file));
  const sideways = quarter % 2 === 1;
  const canvas = createCanvas(sideways ? img.height : img.width, sideways ? img.width : img.height);
  const ctx = canvas.getContext('2d');
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate((-quarter * Math.PI) / 2);
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  fs.writeFileSync(file, await canvas.encode('png'));
}

/** Lower case, no diacritics, letters and digits only: OCR's spacing and punctuation vary. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whether `needle` occurs in `text` up to a small edit distance (one edit per 6 characters):
 * a misread letter must not make leaked data look gone, nor a kept word look lost. */
function fuzzyFind(text: string, needle: string): boolean {
  const t = fold(text);
  const n = fold(needle);
  const allowed = Math.floor(n.length / 6);
  // approximate substring matching: row[j] = best distance of n[0..i) ending at t[j)
  let row = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= n.length; i++) {
    const next = [i];
    for (let j = 1; j <= t.length; j++) {
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (n[i - 1] === t[j - 1] ? 0 : 1)));
    }
    row = next;
  }
  return Math.min(...row) <= allowed;
}
