import { readFile } from 'node:fs/promises';
import { verifyAgainstReport } from '@woo/export';

/** `woo-redact verify <redacted.pdf> --against <redactions.json>`: the release gate on a file
 * that has already been written, e.g. before publishing it. */
export async function verifyCommand(pdfPath: string, reportPath: string): Promise<number> {
  const pdf = new Uint8Array(await readFile(pdfPath));
  const report = JSON.parse(await readFile(reportPath, 'utf8'));
  const result = await verifyAgainstReport(pdf, report);
  if (result.ok) {
    process.stdout.write(`OK: ${pdfPath} doorstaat alle controles.\n`);
    return 0;
  }
  process.stdout.write(`AFGEKEURD: ${pdfPath}\n${result.problems.map((p: string) => `- ${p}`).join('\n')}\n`);
  return 1;
}
