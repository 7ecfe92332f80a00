import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { documentLimits, dutchNumber, isApplied, type Redaction } from '@woo/core';
import type { ExportMethod } from '@woo/export';
import { createDetector, parseOfficialsList, type LexiconStatus } from '@woo/detect';
import { formatInconsistencies, type Inconsistency } from '@woo/dossier';
import { CONFIDENTIAL_NOTICE, findingsRemark, inventoryCsv, redactionReport, StagePool, type DocumentOutcome, type InventoryRow, type ReadingFinding } from '@woo/pipeline';
import { INTERRUPTED_MESSAGE, runBatchPasses } from './batch-passes.js';
import { DossierChecks } from './dossier-checks.js';
import { collectInputs, type InputFile } from './inputs.js';
import { onInterrupt } from './interrupt.js';
import { prepareOutputDir } from './output-dir.js';
import { Progress } from './progress.js';
import { completedOutput, outputPaths } from './resume.js';
import { writeAtomic } from './write-files.js';

export interface RedactOptions {
  out?: string;
  officials?: string;
  orgDomain: string[];
  keep?: string;
  redact?: string;
  concurrency: number;
  dpi: number;
  export: ExportMethod;
  quiet: boolean;
  json: boolean;
  resume: boolean;
}

type Status = 'gelakt' | 'mislukt' | 'onderbroken';

export interface RunSummary {
  documents: number;
  failed: number;
  pages: number;
  redactions: number;
  out: string;
  /** Set when the run was stopped by SIGINT or SIGTERM. */
  interrupted?: string;
  /** The name and word lists the detector ran on, with a warning for every missing one. */
  lexicon: LexiconStatus;
  /** Strings blacked out in one document and readable in another (also in dossiercontrole.json). */
  inconsistencies: Inconsistency[];
  results: Array<{
    file: string;
    status: Status;
    pages: number;
    redactions: number;
    resumed?: true;
    duplicateOf?: number;
    error?: string;
    errorCode?: string;
    findings?: string[];
  }>;
}

/** One document's end state, whichever way it was reached. */
interface Result {
  status: Status;
  pages: number;
  applied: Redaction[];
  findings: readonly ReadingFinding[];
  resumed?: true;
  /** Inventory number of the earlier document with the same text. */
  duplicateOf?: number;
  error?: { message: string; code: string };
}

async function wordList(file: string | undefined): Promise<string[]> {
  return file ? parseOfficialsList(await readFile(file, 'utf8')) : [];
}

function fromOutcome(outcome: DocumentOutcome, done: boolean): Result {
  if (!done) return { status: 'onderbroken', pages: 0, applied: [], findings: [], error: { message: INTERRUPTED_MESSAGE, code: 'interrupted' } };
  if (!outcome.ok) return { status: 'mislukt', pages: outcome.pages, applied: [], findings: [], error: { message: outcome.error.message, code: outcome.error.code } };
  return { status: 'gelakt', pages: outcome.pages, applied: outcome.redactions.filter(isApplied), findings: outcome.findings };
}

/** Usage problems (exit 2, Dutch) found before any document is read. */
async function checkUsage(inputs: string[], opts: RedactOptions): Promise<{ out: string; files: InputFile[] }> {
  const out = await prepareOutputDir(opts.out);
  const files = await collectInputs(inputs);
  if (!files.length) throw new Error(`Geen documenten (PDF, PNG, JPEG of TIFF) gevonden in ${inputs.join(', ')}.`);
  const { maxDocumentsPerBatch } = documentLimits();
  if (files.length > maxDocumentsPerBatch) {
    throw new Error(`${dutchNumber(files.length)} documenten is meer dan de toegestane ${dutchNumber(maxDocumentsPerBatch)} per run (MAX_DOCUMENTS_PER_BATCH). Verdeel ze over meer runs.`);
  }
  return { out, files };
}

/** Redact every document found in `inputs`; returns the process exit code. */
export async function redactCommand(inputs: string[], opts: RedactOptions): Promise<number> {
  const { out, files } = await checkUsage(inputs, opts);
  const detector = createDetector({
    officials: await wordList(opts.officials),
    orgDomains: opts.orgDomain,
    keep: await wordList(opts.keep),
    redact: await wordList(opts.redact),
  });
  // which lists decide what is found: always said at start, and a missing list is a warning
  if (!opts.quiet) process.stderr.write(`Woordenlijsten: ${detector.lexicon.mode === 'system' ? 'systeem (frogdata en wdutch)' : 'ingebouwd'}\n`);
  for (const w of detector.lexicon.warnings) process.stderr.write(`Waarschuwing: ${w}\n`);
  const results: Array<Result | undefined> = new Array(files.length);
  if (opts.resume) {
    for (const [i, file] of files.entries()) {
      const report = await completedOutput(path.join(out, file.name), file.displayName);
      if (report) results[i] = { status: 'gelakt', pages: report.pages, applied: report.redactions.filter(isApplied), findings: report.findings, resumed: true };
    }
  }
  const todo = files.map((file, index) => ({ file, index })).filter(({ index }) => !results[index]);

  // decoding, OCR and export run in child processes with a memory cap, one per document lane
  const pool = new StagePool({ size: opts.concurrency });
  const controller = new AbortController();
  const interrupt = onInterrupt(controller, () => void pool.close());
  const done = new Set<number>();
  // documents skipped by --resume are not read again, so they take no part in these checks
  const numberOf = (i: number) => todo[i]!.index + 1;
  const checks = new DossierChecks((n) => files[n - 1]!.displayName);
  try {
    const outcomes = await runBatchPasses(
      todo.map((t) => t.file),
      { concurrency: opts.concurrency, detector, stages: pool.stages, policy: 'accept-suggested', dpi: opts.dpi, exportMethod: opts.export, signal: controller.signal, checks, numberOf },
      { read: new Progress('gelezen', todo.length, !opts.quiet), redact: new Progress('gelakt', todo.length, !opts.quiet) },
      async (file, outcome, i) => {
        if (outcome.ok) {
          const paths = outputPaths(path.join(out, file.name));
          const duplicates = checks.duplicates(numberOf(i));
          await writeAtomic(paths.report, `${JSON.stringify(redactionReport(file.displayName, { ...outcome, duplicates }), null, 1)}\n`);
          await writeAtomic(paths.pdf, outcome.pdf);
        }
        done.add(i);
      },
    );
    outcomes.forEach((outcome, i) => {
      const duplicateOf = checks.duplicates(numberOf(i))?.duplicateOf;
      results[todo[i]!.index] = { ...fromOutcome(outcome, done.has(i)), ...(duplicateOf !== undefined && outcome.ok ? { duplicateOf } : {}) };
    });
  } finally {
    interrupt.dispose();
    await pool.close();
  }
  const inconsistencies = interrupt.signal() ? [] : checks.inconsistencies();
  if (inconsistencies.length) {
    await writeAtomic(path.join(out, 'dossiercontrole.json'), `${JSON.stringify({ vertrouwelijk: CONFIDENTIAL_NOTICE, inconsistencies }, null, 1)}\n`);
  }
  return report(files, results as Result[], out, opts, interrupt.signal(), inconsistencies, detector.lexicon);
}

async function report(
  files: readonly InputFile[],
  results: readonly Result[],
  out: string,
  opts: RedactOptions,
  interrupted: NodeJS.Signals | undefined,
  inconsistencies: Inconsistency[],
  lexicon: LexiconStatus,
): Promise<number> {
  const rows: InventoryRow[] = results.map((r, i) => ({
    number: i + 1,
    fileName: files[i]!.displayName,
    pages: r.pages,
    redactions: r.applied,
    ...(r.error ? { error: r.error.message } : { remark: findingsRemark(r.findings) }),
    ...(r.duplicateOf !== undefined ? { duplicateOf: r.duplicateOf } : {}),
  }));
  await writeAtomic(path.join(out, 'inventarislijst.csv'), inventoryCsv(rows));
  const summary: RunSummary = {
    documents: files.length,
    failed: results.filter((r) => r.status !== 'gelakt').length,
    pages: results.reduce((n, r) => n + r.pages, 0),
    redactions: results.reduce((n, r) => n + r.applied.length, 0),
    out,
    ...(interrupted ? { interrupted } : {}),
    inconsistencies,
    lexicon,
    results: results.map((r, i) => ({
      file: files[i]!.displayName,
      status: r.status,
      pages: r.pages,
      redactions: r.applied.length,
      ...(r.resumed ? { resumed: r.resumed } : {}),
      ...(r.duplicateOf !== undefined ? { duplicateOf: r.duplicateOf } : {}),
      ...(r.error ? { error: r.error.message, errorCode: r.error.code } : { findings: r.findings.map((f) => f.message) }),
    })),
  };
  if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
  else if (!opts.quiet) {
    process.stderr.write(
      `${summary.documents - summary.failed} van ${summary.documents} documenten gelakt (${summary.redactions} lakkingen, ${summary.pages} pagina's); uitvoer in ${summary.out}\n`,
    );
  }
  if (inconsistencies.length && !opts.json) {
    // printed even with --quiet: each is a possible leak a person must look at before publication
    process.stderr.write(
      `Let op: ${inconsistencies.length === 1 ? '1 tekst is' : `${inconsistencies.length} teksten zijn`} in het ene document gelakt en in een ander leesbaar (ook in dossiercontrole.json):\n` +
        formatInconsistencies(inconsistencies).map((line) => `  - ${line}\n`).join(''),
    );
  }
  if (interrupted) {
    const unfinished = results.filter((r) => r.status === 'onderbroken').length;
    process.stderr.write(
      `Onderbroken: ${unfinished} document(en) niet verwerkt (staan zo in de inventarislijst); tijdelijke bestanden zijn verwijderd. Start opnieuw met --resume om verder te gaan.\n`,
    );
    return interrupted === 'SIGINT' ? 130 : 143;
  }
  return summary.failed > 0 ? 1 : 0;
}
