import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { documentLimits, dutchNumber, isApplied, type Redaction } from '@woo/core';
import { createDetector, parseOfficialsList } from '@woo/detect';
import { findingsRemark, inventoryCsv, redactionReport, StagePool, type DocumentOutcome, type InventoryRow, type ReadingFinding } from '@woo/pipeline';
import { INTERRUPTED_MESSAGE, runBatchPasses } from './batch-passes.js';
import { convertPass, numberDocuments, type BatchDocument } from './convert-pass.js';
import { collectInputs, type InputFile } from './inputs.js';
import { onInterrupt } from './interrupt.js';
import { prepareOutputDir } from './output-dir.js';
import { Progress } from './progress.js';
import { completedOutput, outputPaths } from './resume.js';
import { SealedStore } from './sealed-store.js';
import { writeAtomic } from './write-files.js';

export interface RedactOptions {
  out?: string;
  officials?: string;
  orgDomain: string[];
  keep?: string;
  redact?: string;
  concurrency: number;
  dpi: number;
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
  results: Array<{
    file: string;
    status: Status;
    pages: number;
    redactions: number;
    resumed?: true;
    error?: string;
    errorCode?: string;
    findings?: string[];
    /** Attachments and archive members: the family and the number of the message they belong to. */
    familyId?: string;
    familyPosition?: number;
    parentNumber?: number;
    /** What was hidden in the source file and made visible before reading (Dutch). */
    unhidden?: string[];
  }>;
}

/** One document's end state, whichever way it was reached. */
interface Result {
  status: Status;
  pages: number;
  applied: Redaction[];
  findings: readonly ReadingFinding[];
  resumed?: true;
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
  if (!files.length) throw new Error(`Geen bestanden gevonden in ${inputs.join(', ')}.`);
  checkBatchSize(files.length);
  return { out, files };
}

/** Checked on the input files, and again once mail and archives are unfolded into documents. */
function checkBatchSize(documents: number): void {
  const { maxDocumentsPerBatch } = documentLimits();
  if (documents > maxDocumentsPerBatch) {
    throw new Error(`${dutchNumber(documents)} documenten is meer dan de toegestane ${dutchNumber(maxDocumentsPerBatch)} per run (MAX_DOCUMENTS_PER_BATCH). Verdeel ze over meer runs.`);
  }
}

function failedResult(error: Error & { code: string }): Result {
  return { status: 'mislukt', pages: 0, applied: [], findings: [], error: { message: error.message, code: error.code } };
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
  // decoding, conversion, OCR and export run in child processes with a memory cap, one per document lane
  const pool = new StagePool({ size: opts.concurrency });
  const controller = new AbortController();
  const interrupt = onInterrupt(controller, () => void pool.close());
  // converted PDFs (personal data) are kept encrypted until the run ends
  const store = await SealedStore.create();
  let documents: BatchDocument[] = [];
  let results: Array<Result | undefined> = [];
  const done = new Set<number>();
  try {
    const converted = await convertPass(
      files,
      { concurrency: opts.concurrency, convert: pool.stages.convert, store, signal: controller.signal },
      new Progress('omgezet', files.length, !opts.quiet),
    );
    documents = numberDocuments(converted);
    checkBatchSize(documents.length);
    results = documents.map((document) => (document.failure ? failedResult(document.failure) : undefined));
    if (opts.resume) {
      for (const [i, document] of documents.entries()) {
        if (results[i]) continue;
        const report = await completedOutput(path.join(out, document.name), document.displayName);
        if (report) results[i] = { status: 'gelakt', pages: report.pages, applied: report.redactions.filter(isApplied), findings: report.findings, resumed: true };
      }
    }
    const todo = documents.map((document, index) => ({ document, index })).filter(({ index }) => !results[index]);
    const outcomes = await runBatchPasses(
      todo.map((t) => t.document),
      { concurrency: opts.concurrency, dossier: detector.dossier(), stages: pool.stages, policy: 'accept-suggested', dpi: opts.dpi, signal: controller.signal },
      { read: new Progress('gelezen', todo.length, !opts.quiet), redact: new Progress('gelakt', todo.length, !opts.quiet) },
      async (document, outcome, i) => {
        if (outcome.ok) {
          const paths = outputPaths(path.join(out, document.name));
          const written = { ...redactionReport(document.displayName, outcome), ...(document.conversion ? { conversion: document.conversion } : {}) };
          await writeAtomic(paths.report, `${JSON.stringify(written, null, 1)}\n`);
          await writeAtomic(paths.pdf, outcome.pdf);
        }
        done.add(i);
      },
    );
    outcomes.forEach((outcome, i) => (results[todo[i]!.index] = fromOutcome(outcome, done.has(i))));
  } finally {
    interrupt.dispose();
    await pool.close();
    await store.remove();
  }
  return report(documents, results as Result[], out, opts, interrupt.signal());
}

function familyFields(document: BatchDocument): Pick<RunSummary['results'][number], 'familyId' | 'familyPosition' | 'parentNumber'> {
  const family = document.conversion?.family;
  if (!family) return {};
  return { familyId: family.id, familyPosition: family.position, ...(family.parentNumber === undefined ? {} : { parentNumber: family.parentNumber }) };
}

async function report(files: readonly BatchDocument[], results: readonly Result[], out: string, opts: RedactOptions, interrupted: NodeJS.Signals | undefined): Promise<number> {
  const rows: InventoryRow[] = results.map((r, i) => ({
    number: i + 1,
    fileName: files[i]!.displayName,
    pages: r.pages,
    redactions: r.applied,
    ...(r.error ? { error: r.error.message } : { remark: findingsRemark(r.findings) }),
    ...(files[i]!.conversion?.family ? { family: files[i]!.conversion!.family! } : {}),
  }));
  await writeAtomic(path.join(out, 'inventarislijst.csv'), inventoryCsv(rows));
  const summary: RunSummary = {
    documents: files.length,
    failed: results.filter((r) => r.status !== 'gelakt').length,
    pages: results.reduce((n, r) => n + r.pages, 0),
    redactions: results.reduce((n, r) => n + r.applied.length, 0),
    out,
    ...(interrupted ? { interrupted } : {}),
    results: results.map((r, i) => ({
      file: files[i]!.displayName,
      status: r.status,
      pages: r.pages,
      redactions: r.applied.length,
      ...(r.resumed ? { resumed: r.resumed } : {}),
      ...(r.error ? { error: r.error.message, errorCode: r.error.code } : { findings: r.findings.map((f) => f.message) }),
      ...familyFields(files[i]!),
      ...(files[i]!.conversion?.unhidden.length ? { unhidden: files[i]!.conversion!.unhidden } : {}),
    })),
  };
  if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
  else if (!opts.quiet) {
    process.stderr.write(
      `${summary.documents - summary.failed} van ${summary.documents} documenten gelakt (${summary.redactions} lakkingen, ${summary.pages} pagina's); uitvoer in ${summary.out}\n`,
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
