import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const A4: [number, number] = [595, 842];

/** A digital PDF: each inner array is one page, each string one line of Helvetica text. */
export async function textPdf(pages: readonly (readonly string[])[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage(A4);
    lines.forEach((line, i) => page.drawText(line, { x: 60, y: A4[1] - 80 - i * 22, size: 12, font }));
  }
  return pdf.save();
}

/** The scan font comes from npm, never from the system: what `sans-serif` means depends on the
 * fonts a machine happens to have (LibreOffice's packages change it), and OCR tests must not. */
const SCAN_FONT = 'TestkitScanSans';
function registerScanFont(): void {
  if (GlobalFonts.has(SCAN_FONT)) return;
  const dir = path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
  GlobalFonts.registerFromPath(path.join(dir, 'ttf', 'DejaVuSans.ttf'), SCAN_FONT);
}

/** A scanned page as a PNG: black text on white at `dpi`, no text layer anywhere. */
export async function scannedPagePng(lines: readonly string[], dpi = 200): Promise<Uint8Array> {
  registerScanFont();
  const scale = dpi / 72;
  const canvas = createCanvas(Math.round(A4[0] * scale), Math.round(A4[1] * scale));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.font = `${Math.round(14 * scale)}px ${SCAN_FONT}`;
  lines.forEach((line, i) => ctx.fillText(line, 60 * scale, (90 + i * 26) * scale));
  return new Uint8Array(await canvas.encode('png'));
}

/** A PDF whose pages are images only (what a scanner produces): it needs OCR. */
export async function scannedPdf(pages: readonly (readonly string[])[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const lines of pages) {
    const image = await pdf.embedPng(await scannedPagePng(lines));
    pdf.addPage(A4).drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
  }
  return pdf.save();
}

/** `bytes` encrypted with a user password by qpdf; undefined when qpdf is not installed. */
export function encryptedPdf(bytes: Uint8Array): Uint8Array | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'woo-encrypt-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), bytes);
    execFileSync('qpdf', ['--encrypt', 'geheim', 'eigenaar', '256', '--', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
    return new Uint8Array(readFileSync(path.join(dir, 'out.pdf')));
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text poppler reads from a PDF: an independent check of what an export really contains. */
export function pdftotext(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'woo-pdftotext-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'in.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every object of a PDF as qpdf decodes it (streams decompressed, hex strings in content
 * streams decoded; images left out): a byte search that compression cannot hide from. */
export function pdfObjectText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'woo-qpdf-'));
  let json;
  try {
    writeFileSync(path.join(dir, 'in.pdf'), bytes);
    json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', path.join(dir, 'in.pdf'), '-'], { maxBuffer: 1 << 28 }).toString('utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const parts: string[] = [];
  for (const o of Object.values(json.qpdf[1] as Record<string, { value?: unknown; stream?: { dict: Record<string, unknown>; data?: string } }>)) {
    parts.push(JSON.stringify(o.value ?? o.stream?.dict));
    if (!o.stream?.data || o.stream.dict['/Subtype'] === '/Image') continue;
    const data = Buffer.from(o.stream.data, 'base64').toString('latin1');
    parts.push(data.replace(/<([0-9A-Fa-f\s]+)>/g, (_, hex: string) => ` ${Buffer.from(hex.replace(/\s/g, ''), 'hex').toString('latin1')} `));
  }
  return parts.join('\n');
}
