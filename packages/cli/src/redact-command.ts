import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { documentLimits, dutchNumber, type Redaction } from '@woo/core';
import { createDetector, parseOfficialsList, type LexiconStatus } from '@woo/detect';
import { formatInconsistencies, type Inconsistency } from '@woo/dossier';
import type { ExportMethod } from '@woo/export';
import { CONFIDENTIAL_NOTICE, redactionReport, StagePool, type DocumentOutcome, type OcrPageSummary } from '@woo/pipeline';
import {
  BOX_WIDTH_SETTING,
  findingsRemark,
  inventoryNumberText,
  pagesToReview,
  processedFile,
  processingTotals,
  publicationConfig,
  settingsFromEnv,
  type InventoryEntry,
  type ProcessedFile,
  type ProcessingTotals,
  type PublicationConfig,
  type ReadingFinding,
} from '@woo/publication';
import { INTERRUPTED_MESSAGE, runBatchPasses } from './batch-passes.js';
import { convertPass, numberDocuments, type BatchDocument } from './convert-pass.js';
import { DossierChecks } from './dossier-checks.js';
import { collectInputs, type InputFile } from './inputs.js';
import { onInterrupt } from './interrupt.js';
import { documentPaths, outputLayout, type DocumentPaths, type OutputLayout } from './layout.js';
import { prepareOutputDir } from './output-dir.js';
import { Progress } from './progress.js';
import { sha256, sha256File, writePublicBatch, type BatchDocument as PublicDocument } from './publish-batch.js';
import { completedOutput } from './resume.js';
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
  export: ExportMethod;
  quiet: boolean;
  json: boolean;
  resume: boolean;
  /** Information category of this batch (DiWoo value list), label or URI. */
  informatiecategorie?: string;
  /** Who decided on the redactions, for the onderbouwingsrapport. */
  beslotenDoor?: string;
}

type Status = 'gelakt' | 'mislukt' | 'onderbroken';

export interface RunSummary extends ProcessingTotals {
  out: string;
  /** The folder to publish, and the one that never leaves the organisation. */
  public: string;
  confidential: string;
  /** Whether DiWoo metadata was written (a publisher is configured). */
  diwoo: boolean;
  /** Set when the run was stopped by SIGINT or SIGTERM. */
  interrupted?: string;
  /** The name and word lists the detector ran on, with a warning for every missing one. */
  lexicon: LexiconStatus;
  /** Strings blacked out in one document and readable in another (also in vertrouwelijk/dossiercontrole.json). */
  inconsistencies: Inconsistency[];
  /** The processing log's entry of each input document (@woo/publication), with what the CLI adds. */
  results: Array<
    ProcessedFile & {
      status: Status;
      /** The published PDF. */
      output?: string;
      /** The confidential redaction report. */
      report?: string;
      resumed?: true;
      /** Attachments and archive members: the family and the number of the message they belong to. */
      familyId?: string;
      familyPosition?: number;
      parentNumber?: number;
      /** The mail thread: a hash of its root Message-ID, never the id itself. */
      threadId?: string;
      /** What was hidden in the source file and made visible before reading (Dutch). */
      unhidden?: string[];
    }
  >;
}

/** One document's end state, whichever way it was reached. */
interface Result {
  status: Status;
  pages: number;
  /** All redactions, decided or not. */
  redactions: readonly Redaction[];
  findings: readonly ReadingFinding[];
  ocrPages: readonly OcrPageSummary[];
  madeAt: Date;
  resumed?: true;
  /** Inventory number of the earlier document with the same text. */
  duplicateOf?: number;
  error?: { message: string; code: string };
}

async function wordList(file: string | undefined): Promise<string[]> {
  return file ? parseOfficialsList(await readFile(file, 'utf8')) : [];
}

function fromOutcome(outcome: DocumentOutcome, done: boolean, madeAt: Date): Result {
  const none = { redactions: [], findings: [], ocrPages: [], madeAt };
  if (!done) return { status: 'onderbroken', pages: 0, ...none, error: { message: INTERRUPTED_MESSAGE, code: 'interrupted' } };
  if (!outcome.ok) return { status: 'mislukt', pages: outcome.pages, ...none, error: { message: outcome.error.message, code: outcome.error.code } };
  return { status: 'gelakt', pages: outcome.pages, redactions: outcome.redactions, findings: outcome.findings, ocrPages: outcome.ocrPages, madeAt };
}

/** Usage problems (exit 2, Dutch) found before any document is read. */
async function checkUsage(inputs: string[], opts: RedactOptions): Promise<{ out: string; files: InputFile[]; publication?: PublicationConfig }> {
  const out = await prepareOutputDir(opts.out);
  const files = await collectInputs(inputs, out);
  if (!files.length) throw new Error(`Geen bestanden gevonden in ${inputs.join(', ')}.`);
  checkBatchSize(files.length);
  const settings = settingsFromEnv();
  if (opts.informatiecategorie && !settings.publisher) {
    throw new Error('--informatiecategorie is alleen zinvol met een publicerende organisatie: stel WOO_PUBLISHER in (zie de README, "DiWoo-metadata").');
  }
  return { out, files, publication: publicationConfig(settings, opts.informatiecategorie) };
}

/** Checked on the input files, and again once mail and archives are unfolded into documents. */
function checkBatchSize(documents: number): void {
  const { maxDocumentsPerBatch } = documentLimits();
  if (documents > maxDocumentsPerBatch) {
    throw new Error(`${dutchNumber(documents)} documenten is meer dan de toegestane ${dutchNumber(maxDocumentsPerBatch)} per run (MAX_DOCUMENTS_PER_BATCH). Verdeel ze over meer runs.`);
  }
}

function failedResult(error: Error & { code: string }): Result {
  return { status: 'mislukt', pages: 0, redactions: [], findings: [], ocrPages: [], madeAt: new Date(), error: { message: error.message, code: error.code } };
}

/** Redact every document found in `inputs`; returns the process exit code. */
export async function redactCommand(inputs: string[], opts: RedactOptions): Promise<number> {
  const { out, files, publication } = await checkUsage(inputs, opts);
  const layout = outputLayout(out);
  const lists = { officials: await wordList(opts.officials), keep: await wordList(opts.keep), redact: await wordList(opts.redact) };
  const detector = createDetector({ ...lists, orgDomains: opts.orgDomain });
  // which lists decide what is found: always said at start, and a missing list is a warning
  if (!opts.quiet) process.stderr.write(`Woordenlijsten: ${detector.lexicon.mode === 'system' ? 'systeem (frogdata en wdutch)' : 'ingebouwd'}\n`);
  for (const w of detector.lexicon.warnings) process.stderr.write(`Waarschuwing: ${w}\n`);
  // decoding, conversion, OCR and export run in child processes with a memory cap, one per document lane
  const pool = new StagePool({ size: opts.concurrency });
  const controller = new AbortController();
  const interrupt = onInterrupt(controller, () => void pool.close());
  // converted PDFs (personal data) are kept encrypted until the run ends
  const store = await SealedStore.create();
  let documents: BatchDocument[] = [];
  let paths: DocumentPaths[] = [];
  let results: Array<Result | undefined> = [];
  let hashes: Array<string | undefined> = [];
  const done = new Map<number, Date>();
  let checks: DossierChecks | undefined;
  try {
    const converted = await convertPass(
      files,
      { concurrency: opts.concurrency, convert: pool.stages.convert, store, signal: controller.signal },
      new Progress('omgezet', files.length, !opts.quiet),
    );
    documents = numberDocuments(converted);
    checkBatchSize(documents.length);
    // read now: an attachment exists only in the encrypted store, which goes with the run
    hashes = await Promise.all(documents.map(originalHash));
    paths = documents.map((document, i) => documentPaths(layout, document.name, i + 1));
    results = documents.map((document) => (document.failure ? failedResult(document.failure) : undefined));
    if (opts.resume) {
      for (const [i, document] of documents.entries()) {
        if (results[i]) continue;
        const report = await completedOutput(paths[i]!, document.displayName);
        if (report) {
          results[i] = { status: 'gelakt', pages: report.pages, redactions: report.redactions, findings: report.findings, ocrPages: report.ocrPages, madeAt: new Date(report.generatedAt), resumed: true };
        }
      }
    }
    const todo = documents.map((document, index) => ({ document, index })).filter(({ index }) => !results[index]);
    const titles = new Map(documents.map((document, i) => [document, paths[i]!.title]));
    // documents skipped by --resume are not read again, so they take no part in these checks
    const numberOf = (i: number) => todo[i]!.index + 1;
    const batchChecks = new DossierChecks((n) => documents[n - 1]!.displayName);
    checks = batchChecks;
    const outcomes = await runBatchPasses(
      todo.map((t) => t.document),
      {
        concurrency: opts.concurrency,
        detector,
        stages: pool.stages,
        policy: 'accept-suggested',
        dpi: opts.dpi,
        exportMethod: opts.export,
        titleOf: (document) => titles.get(document)!,
        signal: controller.signal,
        checks: batchChecks,
        numberOf,
      },
      { read: new Progress('gelezen', todo.length, !opts.quiet), redact: new Progress('gelakt', todo.length, !opts.quiet) },
      async (document, outcome, i) => {
        const madeAt = new Date();
        if (outcome.ok) {
          const target = paths[todo[i]!.index]!;
          const duplicates = batchChecks.duplicates(numberOf(i));
          const written = { ...redactionReport(document.displayName, { ...outcome, duplicates }, madeAt), ...(document.conversion ? { conversion: document.conversion } : {}) };
          await writeAtomic(target.report, `${JSON.stringify(written, null, 1)}\n`);
          await writeAtomic(target.pdf, outcome.pdf);
        }
        done.set(i, madeAt);
      },
    );
    outcomes.forEach((outcome, i) => {
      const duplicateOf = batchChecks.duplicates(numberOf(i))?.duplicateOf;
      const result = fromOutcome(outcome, done.has(i), done.get(i) ?? new Date());
      results[todo[i]!.index] = duplicateOf !== undefined && outcome.ok ? { ...result, duplicateOf } : result;
    });
  } finally {
    interrupt.dispose();
    await pool.close();
    await store.remove();
  }
  const inconsistencies = interrupt.signal() || !checks ? [] : checks.inconsistencies();
  if (inconsistencies.length) {
    await writeAtomic(path.join(layout.confidential, 'dossiercontrole.json'), `${JSON.stringify({ vertrouwelijk: CONFIDENTIAL_NOTICE, inconsistencies }, null, 1)}\n`);
  }
  const settings = runSettings(opts, lists, publication);
  return report(documents, paths, hashes, results as Result[], layout, { opts, publication, settings, inconsistencies, lexicon: detector.lexicon }, interrupt.signal());
}

function runSettings(opts: RedactOptions, lists: Record<'officials' | 'keep' | 'redact', string[]>, publication: PublicationConfig | undefined): Array<[string, string]> {
  return [
    ['Beleid', 'onbeheerde run: elk voorstel van de detectoren is gelakt; zwakke hints zijn open gelaten voor beoordeling'],
    ['Bestuurders die zichtbaar blijven (--officials)', `${lists.officials.length} namen`],
    ['E-maildomeinen van de organisatie', opts.orgDomain.length ? opts.orgDomain.join(', ') : 'afgeleid uit de documenten'],
    ['Woorden die nooit / altijd worden gelakt', `${lists.keep.length} / ${lists.redact.length}`],
    ['Exportmethode', { auto: 'vector waar bewezen schoon, anders beeld', vector: 'vector waar mogelijk', raster: 'beeld (elke pagina gerasterd)' }[opts.export]],
    ['Resolutie gelakte pagina\'s', `${opts.dpi} dpi`],
    [...BOX_WIDTH_SETTING],
    ['Informatiecategorie (DiWoo)', publication ? publication.informationCategory.label : 'geen DiWoo-metadata: geen publicerende organisatie ingesteld'],
  ];
}

async function toolVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function lowConfidencePages(r: Result): number[] {
  return r.ocrPages.filter((p) => p.lowConfidence).map((p) => p.page);
}

/** The hash of what was handed in: the input file, or for an attachment the PDF it became. */
async function originalHash(document: BatchDocument): Promise<string | undefined> {
  if (document.sourcePath) return sha256File(document.sourcePath);
  return document.load ? sha256(await document.load()) : undefined;
}

function publicDocument(document: BatchDocument, target: DocumentPaths, originalSha256: string | undefined, r: Result, number: number): PublicDocument {
  const published = r.status === 'gelakt';
  const family = document.conversion?.family;
  const entry: InventoryEntry = {
    number,
    // a stable id that says nothing about the content: the start of the original's hash
    documentId: originalSha256?.slice(0, 16) ?? inventoryNumberText(number),
    title: target.title,
    pages: r.pages,
    redactions: r.redactions,
    ...(r.error
      ? { error: r.error.message }
      : {
          readingRemark: findingsRemark(r.findings.filter((f) => f.kind === 'hidden-text')),
          pagesToReview: pagesToReview(r.findings, lowConfidencePages(r)),
        }),
    ...(published ? { publishedFile: path.basename(target.pdf) } : {}),
    ...(r.duplicateOf !== undefined ? { duplicateOf: r.duplicateOf } : {}),
    ...(family ? { familyId: family.id, ...(family.parentNumber === undefined ? {} : { parentNumber: family.parentNumber }) } : {}),
    ...(document.conversion?.threadId ? { threadId: document.conversion.threadId } : {}),
    ...(document.conversion?.date ? { date: document.conversion.date } : {}),
  };
  return { entry, paths: target, madeAt: r.madeAt, originalSha256 };
}

function familyFields(document: BatchDocument): Pick<RunSummary['results'][number], 'familyId' | 'familyPosition' | 'parentNumber' | 'threadId'> {
  const { family, threadId } = document.conversion ?? {};
  return {
    ...(family ? { familyId: family.id, familyPosition: family.position, ...(family.parentNumber === undefined ? {} : { parentNumber: family.parentNumber }) } : {}),
    ...(threadId ? { threadId } : {}),
  };
}

/** The public Familie-ID of each family: the Document-ID of the file that was handed in (position
 * 0), never the family's name inside the run, which is that file's name and can hold a name. */
function publicFamilyIds(files: readonly BatchDocument[], docs: readonly PublicDocument[]): void {
  const heads = new Map<string, string>();
  files.forEach((f, i) => {
    const family = f.conversion?.family;
    if (family?.position === 0) heads.set(family.id, docs[i]!.entry.documentId);
  });
  files.forEach((f, i) => {
    const family = f.conversion?.family;
    if (family) docs[i]!.entry.familyId = heads.get(family.id) ?? docs[i]!.entry.documentId;
  });
}

async function report(
  files: readonly BatchDocument[],
  paths: readonly DocumentPaths[],
  hashes: ReadonlyArray<string | undefined>,
  results: readonly Result[],
  layout: OutputLayout,
  run: {
    opts: RedactOptions;
    publication: PublicationConfig | undefined;
    settings: Array<[string, string]>;
    inconsistencies: Inconsistency[];
    lexicon: LexiconStatus;
  },
  interrupted: NodeJS.Signals | undefined,
): Promise<number> {
  const { opts } = run;
  const docs = results.map((r, i) => publicDocument(files[i]!, paths[i]!, hashes[i], r, i + 1));
  publicFamilyIds(files, docs);
  await writePublicBatch(layout, docs, run.publication, {
    madeAt: new Date(),
    toolVersion: await toolVersion(),
    settings: run.settings,
    decidedBy: opts.beslotenDoor ?? 'niemand persoonlijk: woo-redact heeft automatisch besloten volgens het beleid hierboven',
  });
  const entries = results.map((r, i) =>
    processedFile({
      file: files[i]!.displayName,
      number: i + 1,
      status: r.status,
      pages: r.pages,
      redactions: r.redactions,
      findings: r.findings,
      ocrPages: r.ocrPages,
      pagesToReview: docs[i]!.entry.pagesToReview ?? [],
      ...(r.duplicateOf !== undefined ? { duplicateOf: r.duplicateOf } : {}),
      ...(r.error ? { error: r.error } : {}),
    }),
  );
  const summary: RunSummary = {
    ...processingTotals(entries),
    out: layout.out,
    public: layout.public,
    confidential: layout.confidential,
    diwoo: run.publication !== undefined,
    ...(interrupted ? { interrupted } : {}),
    lexicon: run.lexicon,
    inconsistencies: run.inconsistencies,
    results: results.map((r, i) => ({
      ...entries[i]!,
      status: r.status,
      ...(r.status === 'gelakt' ? { output: paths[i]!.pdf, report: paths[i]!.report } : {}),
      ...(r.resumed ? { resumed: r.resumed } : {}),
      ...familyFields(files[i]!),
      ...(files[i]!.conversion?.unhidden.length ? { unhidden: files[i]!.conversion!.unhidden } : {}),
    })),
  };
  // the processing log names the original files: it stays with the confidential reports
  await writeAtomic(path.join(layout.confidential, 'verwerkingslog.json'), `${JSON.stringify(summary, null, 1)}\n`);
  if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
  else if (!opts.quiet) process.stderr.write(terminalSummary(summary));
  if (run.inconsistencies.length && !opts.json) {
    // printed even with --quiet: each is a possible leak a person must look at before publication
    const n = run.inconsistencies.length;
    process.stderr.write(
      `Let op: ${n === 1 ? '1 tekst is' : `${n} teksten zijn`} in het ene document gelakt en in een ander leesbaar (ook in vertrouwelijk/dossiercontrole.json):\n` +
        formatInconsistencies(run.inconsistencies).map((line) => `  - ${line}\n`).join(''),
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

function terminalSummary(s: RunSummary): string {
  const lines = [`${s.documents - s.failed} van ${s.documents} documenten gelakt (${s.redactions} lakkingen, ${s.pages} pagina's).`];
  const open = s.results.filter((r) => r.openSuggestions || r.pagesToReview.length).length;
  if (open) {
    lines.push(`Nog niet beslist: ${s.openSuggestions} open voorstel(len) en ${s.pagesToReview} pagina('s) gemarkeerd voor controle, in ${open} document(en); zie de kolom Opmerking van de inventarislijst.`);
  }
  lines.push(`Openbaar (te publiceren): ${s.public}`, `Vertrouwelijk (niet publiceren): ${s.confidential}`);
  if (!s.diwoo) lines.push('Geen DiWoo-metadata gemaakt: stel WOO_PUBLISHER in (zie de README).');
  return `${lines.join('\n')}\n`;
}
