// Test pages: a short Dutch letter drawn with DejaVu Sans at 300 dpi, optionally turned or skewed
// on the sheet, with the box (in points, on the sheet as drawn) of every word.
import { createRequire } from 'node:module';
import type { Box } from '@woo/core';
import { canvasModule } from '../src/canvas.js';

const require = createRequire(import.meta.url);
const { createCanvas, GlobalFonts } = canvasModule;
GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), 'DejaVu Sans');

export const DPI = 300;
const PX_PER_PT = DPI / 72;

export const LETTER = [
  'Geachte heer Jan de Vries,',
  'Mail naar j.devries@gemeente.nl of bel',
  '06-12345678 voor een afspraak.',
  'Met vriendelijke groet, Anna Bakker',
];

/** Upright sheet: 5.5 x 2.5 inch, i.e. 396 x 180 pt. */
const SHEET = { width: 396, height: 180 };

export interface RenderedPage {
  /** Raw 8-bit gray pixels. */
  gray: Buffer;
  png: Buffer;
  width: number;
  height: number;
  /** Page size in points, as the image shows it. */
  pageSize: { width: number; height: number };
  /** Where each word's ink is, in points on the page as the image shows it. */
  words: { text: string; box: Box }[];
}

/** `turn`: degrees clockwise the text is turned on the page (multiples of 90 swap the sides);
 * a small angle skews it around the centre. */
export function renderLetter(turn = 0): RenderedPage {
  const quarter = Math.round(turn / 90) * 90 === turn && turn % 180 !== 0;
  const pageSize = quarter ? { width: SHEET.height, height: SHEET.width } : { ...SHEET };
  const width = Math.round(pageSize.width * PX_PER_PT);
  const height = Math.round(pageSize.height * PX_PER_PT);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  // Upright sheet coordinates (pixels) -> this image: rotate about the centres.
  const uprightW = SHEET.width * PX_PER_PT;
  const uprightH = SHEET.height * PX_PER_PT;
  const a = (turn * Math.PI) / 180;
  const toImage = (x: number, y: number): [number, number] => {
    const dx = x - uprightW / 2;
    const dy = y - uprightH / 2;
    return [width / 2 + dx * Math.cos(a) - dy * Math.sin(a), height / 2 + dx * Math.sin(a) + dy * Math.cos(a)];
  };
  ctx.translate(width / 2, height / 2);
  ctx.rotate(a);
  ctx.translate(-uprightW / 2, -uprightH / 2);
  ctx.fillStyle = '#000000';
  ctx.font = `${12 * PX_PER_PT}px "DejaVu Sans"`;
  const words: RenderedPage['words'] = [];
  const space = ctx.measureText(' ').width;
  LETTER.forEach((line, i) => {
    let x = 0.4 * 72 * PX_PER_PT;
    const baseline = (0.45 + i * 0.45) * 72 * PX_PER_PT;
    for (const text of line.split(' ')) {
      ctx.fillText(text, x, baseline);
      const m = ctx.measureText(text);
      const corners = [
        toImage(x - m.actualBoundingBoxLeft, baseline - m.actualBoundingBoxAscent),
        toImage(x + m.actualBoundingBoxRight, baseline - m.actualBoundingBoxAscent),
        toImage(x - m.actualBoundingBoxLeft, baseline + m.actualBoundingBoxDescent),
        toImage(x + m.actualBoundingBoxRight, baseline + m.actualBoundingBoxDescent),
      ];
      const xs = corners.map((c) => c[0] / PX_PER_PT);
      const ys = corners.map((c) => c[1] / PX_PER_PT);
      const x0 = Math.min(...xs);
      const y0 = Math.min(...ys);
      words.push({ text, box: { x: x0, y: y0, width: Math.max(...xs) - x0, height: Math.max(...ys) - y0 } });
      x += m.width + space;
    }
  });
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const gray = Buffer.alloc(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = rgba[i * 4]!;
  return { gray, png: canvas.toBuffer('image/png'), width, height, pageSize, words };
}
