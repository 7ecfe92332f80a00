import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import type { Canvas } from '@woo/pdf';

/** A pixel counts as gray when its channels differ by at most this much (anti-aliasing of black
 * text on white yields exact grays; scanner noise a little colour). */
const GRAY_TOLERANCE = 8;
const JPEG_QUALITY = 80;
export const GRAY_BITS = 4;

export interface EmbeddedPage {
  ref: PDFRef;
  kind: 'gray' | 'jpeg';
  bytes: number;
}

function isGray(rgba: Uint8ClampedArray): boolean {
  for (let i = 0; i < rgba.length; i += 4) {
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    if (Math.abs(r - g) > GRAY_TOLERANCE || Math.abs(g - b) > GRAY_TOLERANCE) return false;
  }
  return true;
}

/** Packs RGBA into `bits`-per-pixel gray rows (each row starts on a byte, as PDF requires). */
function packGray(rgba: Uint8ClampedArray, width: number, height: number, bits: 4 | 8): Uint8Array {
  const perByte = 8 / bits;
  const rowBytes = Math.ceil(width / perByte);
  const out = new Uint8Array(rowBytes * height);
  const levels = (1 << bits) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const lum = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
      const v = Math.round((lum * levels) / 255);
      if (bits === 8) out[y * rowBytes + x] = v;
      else out[y * rowBytes + (x >> 1)]! |= x & 1 ? v : v << 4;
    }
  }
  return out;
}

/** Embeds the canvas as the page image: black-and-white/gray pages as a Flate-compressed gray
 * image (text stays crisp and it is ~3× smaller than JPEG), pages with colour as JPEG. */
export async function embedCanvas(doc: PDFDocument, canvas: Canvas, bits: 4 | 8 = GRAY_BITS): Promise<EmbeddedPage> {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  if (isGray(rgba)) {
    const data = deflateSync(packGray(rgba, width, height, bits), { level: 6 });
    const stream = doc.context.stream(data, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: bits,
      Filter: 'FlateDecode',
    });
    return { ref: doc.context.register(stream), kind: 'gray', bytes: data.length };
  }
  const jpeg = await canvas.encode('jpeg', JPEG_QUALITY);
  const image = await doc.embedJpg(jpeg);
  return { ref: image.ref, kind: 'jpeg', bytes: jpeg.length };
}

