import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createDetector, parseOfficialsList } from '@woo/detect';
import { createLazyOcrEngine } from '@woo/ocr';
import { appliedRedactions, findingsRemark, inventoryCsv, redactionReport, type DocumentOutcome, type InventoryRow } from '@woo/pipeline';
import { runBatchPasses } from './batch-passes.js';
import { collectInputs } from './inputs.js';
import { Progress } from './progress.js';
import { writeAtomic } from './write-files.js';

export interface RedactOptions {
  out: string;
  officials?: string;
  orgDomain: string[];
  keep?: string;
  redact?: string;
  concurrency: number;
  dpi: number;
  quiet: boolean;
  json: boolean;
}

export interface RunSummary {
  documents: number;
  failed: number;
  pages: number;
  redactions: number;
  out: string;
  results: Array<{ file: string; status: 'gelakt' | 'mislukt'; pages: number; redactions: number; error?: string; errorCode?: string; findings?: string[] }>;
}

async function wordList(file: string | undefined): Promise<string[]> {
  return file ? parseOfficialsList(await readFile(file, 'utf8')) : [];
}

/** Redact every document found in `inputs`; returns the process exit code. */
export async function redactCommand(inputs: string[], opts: RedactOptions): Promise<number> {
  const files = await collectInputs(inputs);
  const detector = createDetector({
    officials: await wordList(opts.officials),
    orgDomains: opts.orgDomain,
    keep: await wordList(opts.keep),
    redact: await wordList(opts.redact),
  });
  // started only when a scan or image comes by; one worker per document lane
  const ocr = createLazyOcrEngine({ workers: opts.concurrency });
  const rows: InventoryRow[] = [];
  const summary: RunSummary = { documents: files.length, failed: 0, pages: 0, redactions: 0, out: path.resolve(opts.out), results: [] };

  let outcomes: DocumentOutcome[];
  try {
    outcomes = await runBatchPasses(
      files,
      { concurrency: opts.concurrency, dossier: detector.dossier(), ocr, policy: 'accept-suggested', dpi: opts.dpi },
      { read: new Progress('gelezen', files.length, !opts.quiet), redact: new Progress('gelakt', files.length, !opts.quiet) },
      async (file, outcome) => {
        if (!outcome.ok) return;
        const base = path.join(opts.out, file.name);
        await writeAtomic(`${base}.redactions.json`, `${JSON.stringify(redactionReport(file.displayName, outcome), null, 1)}\n`);
        await writeAtomic(`${base}.redacted.pdf`, outcome.pdf);
      },
    );
  } finally {
    await ocr.terminate();
  }

  outcomes.forEach((outcome, i) => {
    const file = files[i]!;
    const applied = outcome.ok ? appliedRedactions(outcome.redactions) : [];
    rows.push({
      number: i + 1,
      fileName: file.displayName,
      pages: outcome.pages,
      redactions: applied,
      ...(outcome.ok ? { remark: findingsRemark(outcome.findings) } : { error: outcome.error.message }),
    });
    summary.pages += outcome.pages;
    summary.redactions += applied.length;
    if (!outcome.ok) summary.failed++;
    summary.results.push({
      file: file.displayName,
      status: outcome.ok ? 'gelakt' : 'mislukt',
      pages: outcome.pages,
      redactions: applied.length,
      ...(outcome.ok ? { findings: outcome.findings.map((f) => f.message) } : { error: outcome.error.message, errorCode: outcome.error.code }),
    });
  });
  await writeAtomic(path.join(opts.out, 'inventarislijst.csv'), inventoryCsv(rows));

  if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
  else if (!opts.quiet) {
    process.stderr.write(
      `${summary.documents - summary.failed} van ${summary.documents} documenten gelakt (${summary.redactions} lakkingen, ${summary.pages} pagina's); uitvoer in ${summary.out}\n`,
    );
  }
  return summary.failed > 0 ? 1 : 0;
}
