import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts, degrees, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';

const require = createRequire(import.meta.url);
export const DEJAVU = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');

/** A scan-like PNG: lines of printed words on white, as a scanner would deliver. */
export async function scanPng(width = 620, height = 877): Promise<Uint8Array> {
  if (!GlobalFonts.has('FixtureSans')) GlobalFonts.registerFromPath(DEJAVU, 'FixtureSans');
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111';
  ctx.font = '12px FixtureSans';
  const words = 'het college heeft besloten de vergunning te verlenen onder voorwaarden zoals genoemd'.split(' ');
  for (let y = 60, k = 0; y < height - 60; y += 18, k++) ctx.fillText(words.slice(k % 5, (k % 5) + 8).join(' '), 50, y);
  return new Uint8Array(await canvas.encode('png'));
}

/** Five pages covering the layouts the extractor must get right. */
export async function mixedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const helv = await doc.embedFont(StandardFonts.Helvetica);
  const times = await doc.embedFont(StandardFonts.TimesRoman);
  const dejavu = await doc.embedFont(readFileSync(DEJAVU), { subset: true });

  // 1: standard fonts, mixed sizes, an e-mail in parentheses
  const p1 = doc.addPage([595, 842]);
  p1.drawText('Geachte heer Jansen, graag uw reactie', { x: 56, y: 760, size: 12, font: helv });
  p1.drawText('Contact: (j.jansen@amsterdam.nl) of bel 06-12345678.', { x: 56, y: 730, size: 10, font: helv });
  p1.drawText('Met vriendelijke groet, Wilhelmina van Oranje', { x: 72, y: 690, size: 14, font: times });

  // 2: embedded DejaVu subset with characters outside WinAnsi
  const p2 = doc.addPage([595, 842]);
  p2.drawText('Mevrouw Yılmaz en de heer Michał Kowalski', { x: 60, y: 700, size: 11, font: dejavu });
  p2.drawText('Łódź, Zoë Ĳsselmeer', { x: 60, y: 670, size: 16, font: dejavu });

  // 3: /Rotate 90, text drawn both along the paper and turned to read upright when displayed
  const p3 = doc.addPage([595, 842]);
  p3.setRotation(degrees(90));
  p3.drawText('Gedraaide pagina tekst', { x: 80, y: 600, size: 12, font: helv });
  p3.drawText('Rechtop leesbaar document', { x: 300, y: 100, size: 12, font: helv, rotate: degrees(90) });

  // 4: MediaBox with a non-zero origin
  const p4 = doc.addPage([595, 842]);
  p4.setMediaBox(100, 200, 400, 500);
  p4.drawText('Verschoven oorsprong hier', { x: 150, y: 600, size: 12, font: helv });

  // 5: a scan: one full-page image and nothing else
  const png = await doc.embedPng(await scanPng());
  const p5 = doc.addPage([595, 842]);
  p5.drawImage(png, { x: 0, y: 0, width: 595, height: 842 });

  // 6: a scan with a stamped text header: still needs OCR
  const p6 = doc.addPage([595, 842]);
  p6.drawImage(png, { x: 0, y: 0, width: 595, height: 842 });
  p6.drawText('Kenmerk 2024-001', { x: 400, y: 815, size: 9, font: helv, color: rgb(0.2, 0.2, 0.2) });

  return doc.save();
}
