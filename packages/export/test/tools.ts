import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs a poppler/qpdf command on `pdf` written to a temp file ("IN" in args is its path). */
export function runOn(pdf: Uint8Array, cmd: string, args: string[]): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'woo-export-test-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return execFileSync(cmd, args.map((a) => (a === 'IN' ? file : a)), { maxBuffer: 1 << 29 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pdftotext = (pdf: Uint8Array) => runOn(pdf, 'pdftotext', ['-enc', 'UTF-8', 'IN', '-']).toString('utf8');
export const pdfinfo = (pdf: Uint8Array, ...flags: string[]) => runOn(pdf, 'pdfinfo', [...flags, 'IN']).toString('utf8');

/** Every object string and every decoded stream of the file, as one searchable text (Latin-1 and
 * UTF-16BE readings of stream bytes, so text in any simple encoding shows up). */
export function everything(pdf: Uint8Array): { objects: string; streams: string; keys: Set<string> } {
  const json = JSON.parse(runOn(pdf, 'qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', 'IN', '-']).toString('utf8'));
  const keys = new Set<string>();
  let objects = '';
  let streams = '';
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
      if (k.startsWith('/')) keys.add(k);
      walk(x);
    }
  };
  for (const o of Object.values(json.qpdf[1] as Record<string, { value?: unknown; stream?: { dict: unknown; data?: string } }>)) {
    const value = o.value ?? o.stream?.dict;
    walk(value);
    objects += JSON.stringify(value) + '\n';
    if (o.stream?.data) {
      const b = Buffer.from(o.stream.data, 'base64');
      const latin1 = b.toString('latin1');
      // text operands written as hex strings (pdf-lib does) read as their simple-font bytes
      const shown = [...latin1.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj/g)].map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'hex').toString('latin1'));
      streams += `${latin1}\n${shown.join(' ')}\n${b.length % 2 === 0 ? Buffer.from(b).swap16().toString('utf16le') : ''}\n`;
    }
  }
  return { objects: objects.replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), streams, keys };
}

/** Gray pixels of one page rendered by poppler at `dpi`. */
export function popplerGray(pdf: Uint8Array, page: number, dpi: number): { width: number; height: number; data: Buffer } {
  const pgm = runOn(pdf, 'pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), 'IN']);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 40))!;
  return { width: Number(header[1]), height: Number(header[2]), data: pgm.subarray(header[0].length) };
}
