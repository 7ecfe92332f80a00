import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_LABELS } from '@woo/core';
import { pdfObjectText } from '@woo/testkit';
import { generateCorpus } from '../../../fixtures/generator/corpus.js';
import type { Truth } from '../../../fixtures/generator/truth.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/woo-redact.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'woo-cli-'));
const input = path.join(work, 'in');
const out = path.join(work, 'out');
let truths: Truth[] = [];
let run: { status: number | null; stdout: string; stderr: string };
/** The --json summary's results by input file name. */
let results: Map<string, { number: number; status: string; output?: string; report?: string; error?: string }>;
/** An input whose file name holds a name that is redacted inside it. */
let namedInput: { file: string; name: string };

// the installation's publisher, for the DiWoo metadata
const env = { ...process.env, WOO_PUBLISHER: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0363' };

function cli(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env });
}

const outputOf = (file: string) => results.get(file)!;

const pdftotext = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  const corpus = await generateCorpus({ out: input, docs: 3, seed: 31, cast: 'a', scanned: false, types: ['email', 'letter', 'minutes'] });
  truths = corpus.truths;
  // broken files in a subfolder: found recursively, each fails alone
  fs.mkdirSync(path.join(input, 'pdf', 'aangeleverd'));
  for (const bad of ['empty.pdf', 'png-named.pdf', 'text-named.pdf']) fs.copyFileSync(path.join(root, 'fixtures/bad', bad), path.join(input, 'pdf', 'aangeleverd', bad));
  const t = truths[0]!;
  const name = t.redact.find((r) => r.category === 'name')!.text;
  namedInput = { file: `Bezwaar ${name}.pdf`, name };
  fs.copyFileSync(path.join(input, 'pdf', `${t.doc}_digital.pdf`), path.join(input, 'pdf', namedInput.file));
  run = cli(path.join(input, 'pdf'), '--out', out, '--officials', path.join(input, 'officials.txt'), '--json', '--concurrency', '2', '--informatiecategorie', 'adviezen');
  results = new Map((JSON.parse(run.stdout) as { results: Array<{ file: string; number: number; status: string }> }).results.map((r) => [path.basename(r.file), r]));
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

  it('says which word lists the detector ran on, at start and in --json', () => {
    const summary = JSON.parse(run.stdout) as { lexicon: { mode: string; requested: string; warnings: string[] } };
    expect(['system', 'builtin']).toContain(summary.lexicon.mode);
    expect(run.stderr).toMatch(/^Woordenlijsten: (systeem|ingebouwd)/m);
    // a fallback from the system lists is never silent
    if (summary.lexicon.mode !== summary.lexicon.requested) expect(summary.lexicon.warnings.length).toBeGreaterThan(0);
    for (const w of summary.lexicon.warnings) expect(run.stderr).toContain(w);
  });

  it('writes the inventory with one row per document, failures included', () => {
    const csv = fs.readFileSync(path.join(out, 'openbaar', 'inventarislijst.csv'), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(1 + truths.length + 1 + 3);
    expect(lines[0]).toBe("Nr.;Document-ID;Familie-ID;Thread-ID;Datum;Titel;Pagina's;Beoordeling;Verwerkingsstatus;Weigeringsgronden;Lakkingen per grond;Duplicaat van;Opmerking;Bestand");
    expect(lines.filter((l) => l.includes(';deels openbaar;'))).toHaveLength(truths.length + 1);
    expect(lines.filter((l) => l.includes(';niet verwerkt;'))).toHaveLength(2);
    // every row names its published file, and that file is there
    for (const r of results.values()) {
      const row = lines.find((l) => l.startsWith(`${r.number};`))!;
      if (r.status === 'gelakt') {
        expect(row.endsWith(`;${path.basename(r.output!)}`)).toBe(true);
        expect(fs.existsSync(r.output!)).toBe(true);
        expect(path.dirname(r.output!)).toBe(path.join(out, 'openbaar'));
        expect(path.dirname(r.report!)).toBe(path.join(out, 'vertrouwelijk'));
      } else expect(r.output).toBeUndefined();
    }
  });

  it('removes the personal data from the text layer and keeps officials and the rest', () => {
    for (const t of truths) {
      const text = squash(pdftotext(outputOf(`${t.doc}_digital.pdf`).output!));
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
      const report = JSON.parse(fs.readFileSync(outputOf(`${t.doc}_digital.pdf`).report!, 'utf8'));
      expect(Object.keys(report)[0]).toBe('vertrouwelijk');
      const boxes = report.redactions.filter((r: { status: string }) => r.status === 'accepted').reduce((n: number, r: { boxes: unknown[] }) => n + r.boxes.length, 0);
      const labels = pdftotext(outputOf(`${t.doc}_digital.pdf`).output!).match(/5\.1\.2e/g)?.length ?? 0;
      expect(labels).toBe(boxes);
      // --export auto: every page is accounted for, and clean digital pages keep their content
      const { vector, raster } = report.exportedPages as { vector: number[]; raster: number[] };
      expect([...vector, ...raster].sort((a, b) => a - b)).toEqual(Array.from({ length: report.pages }, (_, i) => i + 1));
      expect(vector.length, t.doc).toBeGreaterThan(0);
    }
  });

  it('verify passes the export and rejects one with redacted text put back', async () => {
    const t = truths[0]!;
    const pdfPath = outputOf(`${t.doc}_digital.pdf`).output!;
    const reportPath = outputOf(`${t.doc}_digital.pdf`).report!;
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

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}


const normal = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
/** `text` as a whole word in `haystack` ("dm" the e-mail local part, not "dm" inside "admin"). */
const holds = (haystack: string, text: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(haystack);

describe('openbaar/ and vertrouwelijk/', () => {
  it('keeps every removed string out of openbaar/: file names, PDFs (pdftotext and bytes), CSV, XML, logs', async () => {
    const removed = new Set<string>([normal(namedInput.name)]);
    for (const file of filesUnder(path.join(out, 'vertrouwelijk')).filter((f) => f.endsWith('.redactions.json'))) {
      const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { redactions: Array<{ text: string; status: string }> };
      for (const r of report.redactions) if ((r.status === 'accepted' || r.status === 'manual') && r.text.length >= 2) removed.add(normal(r.text));
    }
    // the redaction logs speak a fixed vocabulary (kinds of data, grounds): a removed word that is
    // one of those words (a table header taken for a name, "Geboortedatum") is not a leak there
    for (const label of Object.values(CATEGORY_LABELS)) removed.delete(normal(label));
    expect(removed.size).toBeGreaterThan(20);
    const published = filesUnder(path.join(out, 'openbaar'));
    expect(published.length).toBeGreaterThan(10);
    for (const file of published) {
      const name = normal(path.basename(file));
      const haystacks = [name];
      if (file.endsWith('.pdf')) {
        haystacks.push(normal(pdftotext(file)), normal(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })));
        haystacks.push(normal(pdfObjectText(fs.readFileSync(file))));
      } else if (file.endsWith('.xlsx')) {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file);
        book.eachSheet((sheet) => sheet.eachRow((row) => haystacks.push(normal(JSON.stringify(row.values)))));
      } else haystacks.push(normal(fs.readFileSync(file, 'utf8')));
      for (const text of removed) for (const h of haystacks) expect(holds(h, text), `${path.relative(out, file)} holds "${text}"`).toBe(false);
    }
    // the original file names go only to vertrouwelijk/
    expect(fs.readFileSync(path.join(out, 'vertrouwelijk', 'verwerkingslog.json'), 'utf8')).toContain(namedInput.file);
    expect(fs.existsSync(path.join(out, 'vertrouwelijk', `${namedInput.file.replace(/\.pdf$/, '')}.redactions.json`))).toBe(true);
  });

  it('writes DiWoo metadata that validates against the DiWoo 0.9.8 schema for every published document', () => {
    const schema = path.join(root, 'packages/publication/schema/diwoo-0.9.8/diwoo-metadata.xsd');
    const metadata = filesUnder(path.join(out, 'openbaar', 'diwoo'));
    expect(metadata).toHaveLength([...results.values()].filter((r) => r.status === 'gelakt').length);
    for (const file of metadata) execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
    const sitemap = fs.readFileSync(path.join(out, 'openbaar', 'diwoo-sitemap.xml'), 'utf8');
    execFileSync('xmllint', ['--noout', '-'], { input: sitemap });
    expect(sitemap.match(/<url>/g)).toHaveLength(metadata.length);
    expect(sitemap).toContain('resource="https://identifier.overheid.nl/tooi/def/thes/kern/c_99a836c7">adviezen<');
  });

  it('writes the inventory as XLSX too, one row per document, and the onderbouwingsrapport', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, 'openbaar', 'inventarislijst.xlsx'));
    const sheet = book.getWorksheet('Inventarislijst')!;
    expect(sheet.rowCount).toBe(1 + results.size);
    expect(sheet.getRow(1).getCell(8).value).toBe('Beoordeling');
    const basis = pdftotext(path.join(out, 'openbaar', 'onderbouwingsrapport.pdf'));
    expect(basis).toMatch(/5\.1\.2e \(art\. 5\.1 lid 2 sub e Woo\): Eerbiediging van de persoonlijke levenssfeer\. Aantal lakkingen: \d+/);
    const original = execFileSync('sha256sum', [path.join(input, 'pdf', namedInput.file)], { encoding: 'utf8' }).split(' ')[0]!;
    expect(basis).toContain(original);
  });

  it("gives published PDFs the document's own title where it names nothing removed, else the neutral title, and the Dutch language", () => {
    const titleOf = (file: string) => /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }))?.[1];
    const kept: string[] = [];
    for (const t of truths) {
      const r = outputOf(`${t.doc}_digital.pdf`);
      const title = titleOf(r.output!)!;
      expect([t.title, `Document ${r.number}`]).toContain(title);
      for (const gone of t.redact) expect(holds(normal(title), normal(gone.text)), `title "${title}" holds "${gone.text}"`).toBe(false);
      if (title === t.title) kept.push(title);
    }
    expect(kept.length).toBeGreaterThan(0);
    const r = outputOf(namedInput.file);
    // the file name names a redacted person; the title never comes from it
    expect(titleOf(r.output!)).not.toContain(namedInput.name);
    expect(execFileSync('qpdf', ['--qdf', '--object-streams=disable', r.output!, '-'], { maxBuffer: 1 << 28 }).toString('latin1')).toMatch(/\/Lang \(nl-NL\)/);
  });
});
