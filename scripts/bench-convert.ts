import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { convertStage } from '@woo/convert';
import { generateMailOfficeCorpus } from '../fixtures/mail-office/corpus.js';
import { bestOf, type BenchRow } from './bench-util.js';

const KINDS: Array<{ what: string; file: string; office?: boolean }> = [
  { what: '.eml, plain text', file: '01-melding.eml' },
  { what: '.eml, HTML + image, PDF and DOCX attached', file: '02-aanvraag.eml' },
  { what: '.msg with an image attached', file: '07-afspraak.msg' },
  { what: '.docx (hidden text, comment, changes)', file: '04-verslag.docx', office: true },
  { what: '.xlsx (hidden sheet and column)', file: '05-deelnemers.xlsx', office: true },
  { what: '.odt (comment, hidden text)', file: '06-notitie.odt', office: true },
  { what: '.zip (a Word file and a text file)', file: '08-archief.zip' },
];

/** Plain `soffice --convert-to pdf` of the same file, in a fresh profile like ours. */
function plainLibreOffice(file: string, workDir: string): void {
  const profile = path.join(workDir, `lo-profile-${Math.random().toString(36).slice(2)}`);
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', path.join(workDir, 'lo-out'), file], { stdio: 'ignore' });
  fs.rmSync(profile, { recursive: true, force: true });
}

/** Seconds per input file of the convert stage (mail printed, Office through LibreOffice with the
 * hidden content shown, zip unpacked), best of two; Office files against plain LibreOffice. */
export async function benchConvert(workDir: string): Promise<BenchRow[]> {
  const corpus = path.join(workDir, 'mail-office');
  await generateMailOfficeCorpus(corpus, 2026, 'b');
  const rows: BenchRow[] = [];
  for (const kind of KINDS) {
    const file = path.join(corpus, 'batch', kind.file);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const ours = await bestOf(2, async () => void (await convertStage(kind.file, bytes)));
    const baseline = kind.office ? await bestOf(2, async () => plainLibreOffice(file, workDir)) : undefined;
    rows.push({ what: kind.what, value: ours, unit: 's', ...(baseline ? { ratio: baseline / ours } : {}) });
  }
  return rows;
}
