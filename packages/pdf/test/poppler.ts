import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PopplerWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Words per page from `pdftotext -bbox-layout`: poppler is the independent reference. */
export function popplerWords(pdf: Uint8Array): PopplerWord[][] {
  const dir = mkdtempSync(path.join(tmpdir(), 'woo-pdf-test-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { maxBuffer: 1 << 28 }).toString('utf8');
    return html.split('<page ').slice(1).map((page) =>
      [...page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: decodeXml(m[5]!),
      })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function hasTool(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
