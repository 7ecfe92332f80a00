import { PDFDocument, PDFName, PDFString, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { groundLabel, groundsOf, type ExtractedDocument } from '@woo/core';
import { renderPage, type PdfHandle } from '@woo/pdf';
import type { PlacedBox } from './cover.js';
import { registerLabelFont } from './fonts.js';
import { embedCanvas } from './image.js';
import { paintRedactions } from './paint.js';
import { OUTPUT_LANGUAGE, OUTPUT_PRODUCER } from './metadata.js';
import { addTextLayer, TextLayerFonts } from './text-layer.js';

/** Raster pages ("D1": rasterise and rebuild) of the given page numbers, in that order, as a
 * brand-new PDF.
 *
 * Every page is rendered to pixels, the applied redactions are painted black into those pixels
 * with their ground code in white, and the page is rebuilt from the image alone. Nothing of the
 * original object graph can reach such a page (metadata, annotations and link URIs, form values,
 * attachments, JavaScript, outlines, hidden layers, fonts): it is fail-closed by construction. An
 * invisible text layer holds only the words that no box touches (for partly covered words: the
 * characters outside the boxes) plus the labels, so the page stays searchable and Ctrl+F "5.1.2e"
 * finds every box.
 *
 * Works page by page: one page's canvas is alive at a time. */
export async function rasterPages(
  handle: PdfHandle,
  doc: ExtractedDocument,
  boxesByPage: ReadonlyMap<number, PlacedBox[]>,
  pageNumbers: readonly number[],
  dpi: number,
  title: string,
): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  out.registerFontkit(fontkit);
  out.setTitle(title, { showInWindowTitleBar: true });
  out.setProducer(OUTPUT_PRODUCER);
  out.catalog.set(PDFName.of('Lang'), PDFString.of(OUTPUT_LANGUAGE));
  const fonts = new TextLayerFonts(out);
  registerLabelFont();

  for (const number of pageNumbers) {
    const page = doc.pages[number - 1]!;
    const placed = boxesByPage.get(number) ?? [];
    const { canvas, scale, width, height } = await renderPage(handle, number, dpi);
    const ctx = canvas.getContext('2d');
    paintRedactions(ctx, placed.map(({ box, redaction }) => ({ box, label: groundLabel(redaction) })), scale);
    const image = await embedCanvas(out, canvas);

    const outPage = out.addPage([width, height]);
    const name = outPage.node.newXObject('Page', image.ref);
    outPage.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState());
    const boxes = placed.map((p) => p.box);
    // every label goes into the text layer, also where the box was too small to print it
    const labels = placed.map(({ box, redaction }) => ({ box, grounds: groundsOf(redaction) }));
    await addTextLayer(outPage, fonts, page.words, boxes, labels);
    // pdf-lib gives every page an empty /Annots while building it; the gate wants none at all
    outPage.node.delete(PDFName.of('Annots'));
  }
  // one full write: a single revision, no incremental updates
  return out.save({ useObjectStreams: true });
}
