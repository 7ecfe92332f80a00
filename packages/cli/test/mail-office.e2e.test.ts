import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMailOfficeCorpus, type MailOfficeTruth } from '../../../fixtures/mail-office/corpus.js';
import { findLeaks } from '../../../fixtures/mail-office/leaks.js';

/* The issue-11 batch end to end: e-mail with attachments (.eml, .msg, forwarded, inline image),
 * Word, Excel and OpenDocument files with hidden content, a zip and a PDF, through the CLI; then
 * pdftotext and native tesseract on every output, searched for every personal datum. */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/woo-redact.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'woo-cli-mail-'));
const out = path.join(work, 'uit');
const publicDir = path.join(out, 'openbaar');

interface Summary {
  documents: number;
  failed: number;
  results: Array<{ file: string; number: number; status: string; error?: string; parentNumber?: number; familyId?: string; threadId?: string; unhidden?: string[]; report?: string }>;
}

let truth: MailOfficeTruth;
let run: { status: number | null; stdout: string; stderr: string };
let summary: Summary;

const compact = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}@]+/gu, '');

beforeAll(async () => {
  truth = await generateMailOfficeCorpus(work, 11, 'b');
  // asynchronously: a blocked test worker misses vitest's heartbeats during the long run
  const child = spawn(process.execPath, [bin, path.join(work, 'batch'), '--out', out, '--officials', path.join(work, 'officials.txt'), '--json', '--quiet'], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  run = { status, stdout, stderr };
  summary = JSON.parse(run.stdout) as Summary;
}, 420_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('woo-redact on a mixed batch of e-mail, Office files, a zip and a PDF', () => {
  it('accounts for every file and attachment; what cannot be processed fails alone with a Dutch reason and exit 1', () => {
    expect(run.status, run.stderr).toBe(1);
    expect(summary.documents).toBe(truth.expectedDocuments);
    const failed = summary.results.filter((r) => r.status !== 'gelakt');
    expect(failed.map((r) => r.file)).toEqual(truth.expectedFailures);
    expect(failed[0]!.error).toContain('wordt niet ondersteund');
    expect(fs.readdirSync(publicDir).filter((f) => /^\d{4}-document-\d+\.pdf$/.test(f))).toHaveLength(truth.expectedDocuments - truth.expectedFailures.length);
  });

  it('lists attachments in the inventory as "Bijlage bij N" with N the number of their message', () => {
    const rows = fs.readFileSync(path.join(publicDir, 'inventarislijst.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(';'));
    expect(rows).toHaveLength(truth.expectedDocuments);
    // the public inventory never names the files: the summary says which number each one got
    const numberOf = (file: string) => String(summary.results.find((r) => r.file === file)?.number);
    const remark = rows[0]!.length - 2;
    const attachments: Array<[string, string]> = [
      ['02-aanvraag.eml › machtiging.pdf', '02-aanvraag.eml'],
      ['02-aanvraag.eml › gespreksverslag.docx', '02-aanvraag.eml'],
      ['03-doorgestuurd.eml › Klacht.eml', '03-doorgestuurd.eml'],
      ['07-afspraak.msg › uitnodiging.png', '07-afspraak.msg'],
    ];
    for (const [attachment, message] of attachments) {
      const row = rows.find((r) => r[0] === numberOf(attachment));
      expect(row?.[remark], attachment).toMatch(new RegExp(`^Bijlage bij ${numberOf(message)}\\b`));
      // Familie-ID: the family of the attachment, the Document-ID of its message (never a file name)
      expect(row?.[2], attachment).toBe(rows.find((r) => r[0] === numberOf(message))?.[1]);
      expect(row?.[2], attachment).toMatch(/^[0-9a-f]{16}$/);
    }
    // Thread-ID: the message and its attachments share the hash of the root Message-ID
    const thread = summary.results.find((r) => r.file === '02-aanvraag.eml')?.threadId;
    expect(thread).toMatch(/^[0-9a-f]{12}$/);
    for (const [attachment] of attachments.slice(0, 2)) {
      expect(summary.results.find((r) => r.file === attachment)?.threadId, attachment).toBe(thread);
      expect(rows.find((r) => r[0] === numberOf(attachment))?.[3], attachment).toBe(thread);
    }
    const csv = fs.readFileSync(path.join(publicDir, 'inventarislijst.csv'), 'utf8');
    expect(csv).not.toContain('@example.invalid');
    expect(csv).not.toContain('aanvraag');
    // the inline image is drawn in its message, not listed on its own
    expect(summary.results.some((r) => r.file.includes('contact.png'))).toBe(false);
    expect(summary.results.find((r) => r.file === '02-aanvraag.eml › machtiging.pdf')?.familyId).toBe('02-aanvraag');
  });

  it('reports what was hidden in the Office sources and made visible', () => {
    const byFile = Object.fromEntries(summary.results.map((r) => [r.file, r.unhidden ?? []]));
    expect(byFile['04-verslag.docx']!.join(' ')).toMatch(/verborgen tekst.*bijgehouden wijzigingen.*opmerking/s);
    expect(byFile['05-deelnemers.xlsx']!.join(' ')).toMatch(/verborgen werkblad\(en\) zichtbaar gemaakt: Privé.*afdrukbereik.*1 verborgen kolom.*1 opmerking/s);
    expect(byFile['06-notitie.odt']!.join(' ')).toMatch(/verborgen tekst.*opmerking/s);
    const report = JSON.parse(fs.readFileSync(summary.results.find((r) => r.file === '05-deelnemers.xlsx')!.report!, 'utf8')) as { conversion?: { unhidden: string[] } };
    expect(report.conversion?.unhidden).toEqual(byFile['05-deelnemers.xlsx']);
  });

  it('read the hidden personal data (it is among the redactions) and none of the personal data is in any output, by pdftotext or tesseract', async () => {
    const redacted = summary.results
      .flatMap((r) => (r.report ? (JSON.parse(fs.readFileSync(r.report, 'utf8')) as { redactions: Array<{ text: string }> }).redactions : []))
      .map((r) => compact(r.text))
      .join('|');
    const hidden = truth.redact.filter((r) => r.hidden);
    expect(hidden.length).toBeGreaterThan(10);
    expect(hidden.filter((r) => !redacted.includes(compact(r.text)))).toEqual([]);
    expect(await findLeaks(publicDir, truth.redact, { ocr: true })).toEqual([]);
  }, 240_000);

  it('has none of the personal data in the bytes of any public PDF, streams decompressed (qpdf --qdf)', () => {
    const found: string[] = [];
    for (const output of fs.readdirSync(publicDir).filter((f) => f.endsWith('.pdf'))) {
      const qdf = path.join(work, 'qdf.pdf');
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', path.join(publicDir, output), qdf]);
      const bytes = fs.readFileSync(qdf);
      // literal strings as written (PDFDocEncoding/UTF-8) and as UTF-16BE text strings
      const forms = (text: string) => [Buffer.from(text, 'latin1'), Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le').swap16()];
      for (const item of truth.redact) if (forms(item.text).some((form) => bytes.includes(form))) found.push(`${output}: ${item.text}`);
    }
    expect(found).toEqual([]);
  });
});
