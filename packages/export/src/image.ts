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

/** Luminance of every pixel, or undefined as soon as one pixel has colour. One 32-bit read per
 * pixel (little-endian RGBA): several times faster than four byte reads. */
function grayLevels(rgba: Uint8ClampedArray): Uint8Array | undefined {
  const px = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2);
  const out = new Uint8Array(px.length);
  for (let i = 0; i < px.length; i++) {
    const v = px[i]!;
    const r = v & 0xff;
    const g = (v >>> 8) & 0xff;
    const b = (v >>> 16) & 0xff;
    if (Math.abs(r - g) > GRAY_TOLERANCE || Math.abs(g - b) > GRAY_TOLERANCE) return undefined;
    out[i] = (r * 77 + g * 150 + b * 29) >> 8;
  }
  return out;
}

/** Packs luminance into `bits`-per-pixel gray rows (each row starts on a byte, as PDF requires). */
function packGray(lum: Uint8Array, width: number, height: number, bits: 4 | 8): Uint8Array {
  const levels = (1 << bits) - 1;
  const quantised = Uint8Array.from({ length: 256 }, (_, l) => Math.round((l * levels) / 255));
  if (bits === 8) return lum.map((l) => quantised[l]!);
  const rowBytes = Math.ceil(width / 2);
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const at = y * rowBytes;
    for (let x = 0; x + 1 < width; x += 2) out[at + (x >> 1)] = (quantised[lum[row + x]!]! << 4) | quantised[lum[row + x + 1]!]!;
    if (width & 1) out[at + rowBytes - 1] = quantised[lum[row + width - 1]!]! << 4;
  }
  return out;
}

/** Embeds the canvas as the page image: black-and-white/gray pages as a Flate-compressed gray
 * image (text stays crisp and it is ~3× smaller than JPEG), pages with colour as JPEG. */
export async function embedCanvas(doc: PDFDocument, canvas: Canvas, bits: 4 | 8 = GRAY_BITS): Promise<EmbeddedPage> {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const lum = grayLevels(rgba);
  if (lum) {
    const data = deflateSync(packGray(lum, width, height, bits), { level: 6 });
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

