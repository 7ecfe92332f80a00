import { readFile } from 'node:fs/promises';
import type { Redaction } from '@woo/core';
import { verifyAgainstReport } from '@woo/export';
import type { RedactionReport } from '@woo/pipeline';

/** Output paths of one document. */
export function outputPaths(base: string): { pdf: string; report: string } {
  return { pdf: `${base}.redacted.pdf`, report: `${base}.redactions.json` };
}

/** What an earlier run left for a document, when it is complete and passes the verifier: the
 * report (of this very document) and a redacted PDF that agrees with it. Anything else
 * (missing, half, tampered, another document's) is undefined: the document is done again. */
export async function completedOutput(base: string, displayName: string): Promise<RedactionReport | undefined> {
  const paths = outputPaths(base);
  try {
    const report = JSON.parse(await readFile(paths.report, 'utf8')) as RedactionReport;
    if (report.document !== displayName || !Array.isArray(report.redactions)) return undefined;
    const pdf = new Uint8Array(await readFile(paths.pdf));
    const verdict = await verifyAgainstReport(pdf, { pages: report.pages, redactions: report.redactions as Redaction[] });
    return verdict.ok ? report : undefined;
  } catch {
    return undefined;
  }
}
