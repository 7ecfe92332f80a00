import UTIF from 'utif2';
import { DocumentError, documentLimits, dutchNumber } from '@woo/core';
import { canvasModule } from './canvas.js';
import { assertImageSize, jpegDimensions, pngDimensions } from './dimensions.js';

export type ImageKind = 'png' | 'jpeg' | 'tiff';

/** A page image as OCR takes it: `data` is an encoded PNG/JPEG or raw 8-bit gray (width*height
 * bytes, rows top to bottom). `dpi` is the scan resolution, needed because decoded pixels carry none. */
export interface PageImage {
  data: Buffer;
  width: number;
  height: number;
  dpi: number;
}

/** Raw 8-bit gray pixels: what every transform here works on. */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Resolution assumed for scans whose file does not say (the usual office-scanner setting). */
export const DEFAULT_SCAN_DPI = 300;

export function sniffImageKind(bytes: Uint8Array): ImageKind | undefined {
  const b = (i: number) => bytes[i];
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0x00) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0x00 && b(3) === 0x2a)) {
    return 'tiff';
  }
  return undefined;
}

/** Splits an image file into page images (raw gray): one for PNG/JPEG, one per page for TIFF.
 * Throws a DocumentError before decoding when an image declares more than MAX_IMAGE_PIXELS. */
export async function loadImagePages(bytes: Uint8Array, kind: ImageKind): Promise<PageImage[]> {
  if (kind === 'tiff') return decodeTiff(bytes);
  const declared = kind === 'png' ? pngDimensions(bytes) : jpegDimensions(bytes);
  if (declared) assertImageSize(declared, `Deze ${kind === 'png' ? 'PNG' : 'JPEG'}-afbeelding`);
  const gray = await decodeWithCanvas(bytes);
  const dpi = (kind === 'png' ? pngDpi(bytes) : jpegDpi(bytes)) ?? DEFAULT_SCAN_DPI;
  return [{ data: Buffer.from(gray.data.buffer, gray.data.byteOffset, gray.data.byteLength), width: gray.width, height: gray.height, dpi }];
}

/** The gray pixels of a page image, decoding it if it is a PNG or JPEG. */
export async function toGray(image: PageImage): Promise<GrayImage> {
  const { data, width, height } = image;
  if (sniffImageKind(data) !== undefined) {
    const gray = await decodeWithCanvas(data);
    if (gray.width !== width || gray.height !== height) {
      throw new Error(`page image is ${gray.width}x${gray.height} px, but ${width}x${height} was given`);
    }
    return gray;
  }
  if (data.length !== width * height) {
    throw new Error(`raw page image must be 8-bit gray: expected ${width * height} bytes, got ${data.length}`);
  }
  return { data, width, height };
}

/**
 * A 3x3 binomial blur ([1 2 1] both ways). Scans that reach OCR upsampled (a 200-dpi JPEG drawn
 * at 300 dpi by the PDF renderer, which scales images blockily) carry JPEG ringing and noise in
 * hard steps; tesseract's binarisation then breaks strokes and whole words come out as garbage
 * ("Stanley Baldewsingh, geboren" read as "Stanley EN eben"). Smoothing first fixed every such
 * word on the generated scans (native tesseract as well), costs ~0.1 s per A4 page, and at
 * 300 dpi does not hurt clean print, whose strokes are 3+ pixels wide.
 */
export function smoothGray(image: GrayImage): GrayImage {
  const { data: src, width: w, height: h } = image;
  if (w < 3 || h < 3) return image;
  const rows = new Uint16Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    rows[r] = 3 * src[r]! + src[r + 1]!;
    for (let x = 1; x < w - 1; x++) rows[r + x] = src[r + x - 1]! + 2 * src[r + x]! + src[r + x + 1]!;
    rows[r + w - 1] = src[r + w - 2]! + 3 * src[r + w - 1]!;
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const up = y > 0 ? (y - 1) * w : y * w;
    const down = y < h - 1 ? (y + 1) * w : y * w;
    const r = y * w;
    for (let x = 0; x < w; x++) out[r + x] = (rows[up + x]! + 2 * rows[r + x]! + rows[down + x]! + 8) >> 4;
  }
  return { data: out, width: w, height: h };
}

/** Binary PGM: leptonica (inside tesseract) reads it without any encoding work on our side,
 * unlike PNG, which would cost a deflate pass per page and per orientation trial. */
export function encodePgm(image: GrayImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'ascii');
  return Buffer.concat([header, image.data]);
}

async function decodeWithCanvas(bytes: Uint8Array): Promise<GrayImage> {
  const img = await canvasModule.loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const { width, height } = img;
  const canvas = canvasModule.createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  // Transparent areas of a PNG are paper, not ink.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0);
  return { data: rgbaToGray(ctx.getImageData(0, 0, width, height).data), width, height };
}

/** Rec. 601 luma, integer arithmetic. */
function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray): Uint8Array {
  const gray = new Uint8Array(rgba.length / 4);
  for (let i = 0, j = 0; i < gray.length; i++, j += 4) {
    gray[i] = (rgba[j]! * 299 + rgba[j + 1]! * 587 + rgba[j + 2]! * 114 + 500) / 1000;
  }
  return gray;
}

function decodeTiff(bytes: Uint8Array): PageImage[] {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(buffer);
  } catch (cause) {
    throw new Error('unreadable TIFF file', { cause });
  }
  // Only directories with pixel dimensions are pages (EXIF/GPS directories have none).
  const pages = ifds.filter((ifd) => typeof tagNumber(ifd, 't256') === 'number' && typeof tagNumber(ifd, 't257') === 'number');
  if (pages.length === 0) throw new Error('TIFF file contains no images');
  const { maxPages } = documentLimits();
  if (pages.length > maxPages) {
    throw new DocumentError(
      'too-many-pages',
      `Deze TIFF-afbeelding heeft ${dutchNumber(pages.length)} pagina's, meer dan de toegestane ${dutchNumber(maxPages)} (MAX_PAGES_PER_DOCUMENT). Het bestand is niet verwerkt. Splits het in kleinere delen.`,
    );
  }
  pages.forEach((ifd, i) => assertImageSize({ width: tagNumber(ifd, 't256')!, height: tagNumber(ifd, 't257')! }, `Pagina ${i + 1} van deze TIFF-afbeelding`));
  return pages.map((ifd) => {
    UTIF.decodeImage(buffer, ifd);
    const { width, height } = ifd;
    const gray = rgbaToGray(UTIF.toRGBA8(ifd));
    return { data: Buffer.from(gray.buffer, gray.byteOffset, gray.byteLength), width, height, dpi: tiffDpi(ifd) ?? DEFAULT_SCAN_DPI };
  });
}

function tagNumber(ifd: UTIF.IFD, tag: string): number | undefined {
  const value = ifd[tag];
  if (Array.isArray(value) && typeof value[0] === 'number') return value[0];
  return undefined;
}

/** XResolution (282) is a RATIONAL, which utif2 gives as [[numerator, denominator]];
 * ResolutionUnit (296): 1 none, 2 inch (the default), 3 cm. */
function tiffDpi(ifd: UTIF.IFD): number | undefined {
  const rational = ifd['t282'];
  const first: unknown = Array.isArray(rational) ? rational[0] : undefined;
  if (!Array.isArray(first) || typeof first[0] !== 'number' || typeof first[1] !== 'number' || first[1] === 0) return undefined;
  const resolution = first[0] / first[1];
  const unit = tagNumber(ifd, 't296') ?? 2;
  if (unit === 1) return undefined;
  return plausibleDpi(unit === 3 ? resolution * 2.54 : resolution);
}

/** PNG pHYs chunk: pixels per unit; unit 1 is the metre. */
function pngDpi(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 8; offset + 8 <= bytes.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (type === 'pHYs' && length >= 9 && offset + 17 <= bytes.length) {
      const perUnit = view.getUint32(offset + 8);
      return bytes[offset + 16] === 1 ? plausibleDpi(perUnit * 0.0254) : undefined;
    }
    if (type === 'IDAT' || type === 'IEND') return undefined; // pHYs must precede the image data
    offset += 12 + length;
  }
  return undefined;
}

/** JFIF APP0 density: units 1 = per inch, 2 = per cm (0 = aspect ratio only). */
function jpegDpi(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 2; offset + 4 <= bytes.length; ) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xda || marker === 0xd9) return undefined; // start of scan / end: no more headers
    const length = view.getUint16(offset + 2);
    const isJfif = marker === 0xe0 && offset + 16 <= bytes.length && String.fromCharCode(...bytes.subarray(offset + 4, offset + 9)) === 'JFIF\0';
    if (isJfif) {
      const units = bytes[offset + 11];
      const density = view.getUint16(offset + 12);
      if (units === 1) return plausibleDpi(density);
      if (units === 2) return plausibleDpi(density * 2.54);
      return undefined;
    }
    offset += 2 + length;
  }
  return undefined;
}

/** Files say 72 or 1 when nobody set a resolution; no document scan is that coarse. */
function plausibleDpi(dpi: number): number | undefined {
  return dpi >= 100 && dpi <= 2400 ? Math.round(dpi) : undefined;
}
