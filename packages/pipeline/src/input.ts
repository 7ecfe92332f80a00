import { deflateSync } from 'node:zlib';
import { DocumentError } from '@woo/core';
import { loadImagePages, sniffImageKind } from '@woo/ocr';
import { PDFDocument, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';

const IMAGE_NAMES = { png: 'PNG', jpeg: 'JPEG', tiff: 'TIFF' } as const;

/** Every input goes through the pipeline as a PDF: an image (PNG, JPEG, multi-page TIFF) becomes
 * an image-only PDF with one page per image at its scanned size, which extraction then marks as
 * needing OCR. Anything else is passed on as is; extraction says what is wrong with it. */
export async function toPdfInput(bytes: Uint8Array): Promise<Uint8Array> {
  const kind = sniffImageKind(bytes);
  if (!kind) return bytes;
  const pages = await loadImagePages(bytes, kind).catch((err: unknown) => {
    if (err instanceof DocumentError) throw err;
    throw new DocumentError('corrupt', `Deze ${IMAGE_NAMES[kind]}-afbeelding is beschadigd of onvolledig en kan niet worden gelezen.`, { cause: err });
  });
  if (!pages.length) throw new DocumentError('empty', `Deze ${IMAGE_NAMES[kind]}-afbeelding bevat geen pagina's.`);
  const pdf = await PDFDocument.create();
  for (const image of pages) {
    // lossless and fast: this PDF only carries the scan to the next stages, it is never published
    const stream = pdf.context.stream(deflateSync(image.data, { level: 1 }), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: image.width,
      Height: image.height,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    });
    const ref = pdf.context.register(stream);
    const width = (image.width * 72) / image.dpi;
    const height = (image.height * 72) / image.dpi;
    const page = pdf.addPage([width, height]);
    const name = page.node.newXObject('Scan', ref);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState());
  }
  return pdf.save();
}
