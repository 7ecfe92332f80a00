import { readFile } from 'node:fs/promises';
import type { Redaction } from '@woo/core';
import { verifyAgainstReport } from '@woo/export';
import type { RedactionReport } from '@woo/pipeline';

/** What an earlier run left for a document, when it is complete and passes the verifier: the
 * report (of this very document) and a redacted PDF that agrees with it. Anything else
 * (missing, half, tampered, another document's) is undefined: the document is done again. */
export async function completedOutput(paths: { pdf: string; report: string }, displayName: string): Promise<RedactionReport | undefined> {
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
