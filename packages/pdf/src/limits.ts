import { DocumentError, documentLimits, dutchNumber } from '@woo/core';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFStream } from 'pdf-lib';

/** pdfjs's own guards, a safety net behind the checks below: an image over MAX_IMAGE_PIXELS is
 * never decoded (pdfjs leaves it out), and no canvas grows past MAX_RENDER_PIXELS. */
export function pdfjsLimitOptions(): { maxImageSize: number; canvasMaxAreaInBytes: number } {
  const limits = documentLimits();
  return { maxImageSize: limits.maxImagePixels, canvasMaxAreaInBytes: limits.maxRenderPixels * 4 };
}

/** Checked right after opening, before any page is read: a 1 KB file can declare 10,000 pages. */
export function assertPageCount(numPages: number): void {
  const { maxPages } = documentLimits();
  if (numPages <= maxPages) return;
  throw new DocumentError(
    'too-many-pages',
    `Dit PDF-bestand heeft ${dutchNumber(numPages)} pagina's, meer dan de toegestane ${dutchNumber(maxPages)} (MAX_PAGES_PER_DOCUMENT). ` +
      'Het is niet verwerkt. Splits het document in kleinere delen.',
  );
}

/** Refuses a PDF holding an image over MAX_IMAGE_PIXELS, from the image dictionaries alone
 * (nothing is decoded): a 390 KB PDF can hold a 40000x40000 image. pdfjs would silently leave such
 * an image out, so the coordinator would get a page that misses part of its content. A file
 * pdf-lib cannot parse is left to pdfjs, whose maxImageSize still protects memory. */
export async function assertImageSizes(bytes: Uint8Array): Promise<void> {
  const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false }).catch(() => undefined);
  if (!pdf) return;
  const { maxImagePixels } = documentLimits();
  const number = (dict: PDFDict, key: string) => dict.lookupMaybe(PDFName.of(key), PDFNumber)?.asNumber() ?? 0;
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const width = number(object.dict, 'Width');
    const height = number(object.dict, 'Height');
    if (width * height <= maxImagePixels) continue;
    throw new DocumentError(
      'too-many-pixels',
      `Dit PDF-bestand bevat een afbeelding van ${dutchNumber(width)} bij ${dutchNumber(height)} beeldpunten (${dutchNumber(width * height)}), ` +
        `meer dan de toegestane ${dutchNumber(maxImagePixels)} (MAX_IMAGE_PIXELS). Het is niet verwerkt. Sla het opnieuw op met afbeeldingen op een lagere resolutie.`,
    );
  }
}
