import { DocumentError, documentLimits, dutchNumber } from '@woo/core';

export interface Dimensions {
  width: number;
  height: number;
}

/** Width and height a PNG declares in its IHDR chunk (always the first, at byte 16). */
export function pngDimensions(bytes: Uint8Array): Dimensions | undefined {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width and height of a JPEG's frame header (SOF0..SOF15 except DHT, JPG and DAC). */
export function jpegDimensions(bytes: Uint8Array): Dimensions | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 2; offset + 9 <= bytes.length; ) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    if (marker === 0xda || marker === 0xd9) return undefined;
    offset += 2 + view.getUint16(offset + 2);
  }
  return undefined;
}

/** Refuses an image whose declared size exceeds MAX_IMAGE_PIXELS, before a single pixel is
 * decoded: a 75 KB PNG can declare 30000x30000 pixels (3.6 GB once decoded). `what` names the
 * image for the coordinator ("Deze PNG-afbeelding", "Pagina 3 van deze TIFF-afbeelding"). */
export function assertImageSize(size: Dimensions, what: string): void {
  const { maxImagePixels } = documentLimits();
  const pixels = size.width * size.height;
  if (pixels <= maxImagePixels) return;
  throw new DocumentError(
    'too-many-pixels',
    `${what} is ${dutchNumber(size.width)} bij ${dutchNumber(size.height)} beeldpunten groot (${dutchNumber(pixels)}), meer dan de toegestane ` +
      `${dutchNumber(maxImagePixels)} (MAX_IMAGE_PIXELS). Het bestand is niet verwerkt. Scan het opnieuw op een lagere resolutie (300 dpi is genoeg).`,
  );
}
