import {
  PDFDocument,
  PDFName,
  PDFString,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { DocumentError, type ExtractedDocument, type Redaction } from '@woo/core';
import { renderPage, withPdf } from '@woo/pdf';
import { appliedBoxesByPage } from './cover.js';
import { registerLabelFont } from './fonts.js';
import { embedCanvas } from './image.js';
import { paintRedaction } from './paint.js';
import { DEFAULT_TITLE, OUTPUT_LANGUAGE, OUTPUT_PRODUCER } from './metadata.js';
import { addTextLayer, TextLayerFonts } from './text-layer.js';

export const DEFAULT_DPI = 150;

export interface ExportOptions {
  /** Resolution of the page images; 150 dpi keeps 8 pt text legible at ~120 KB per text page. */
  dpi?: number;
  /** The document title (/Title): a neutral title, never text the redactions remove. */
  title?: string;
}

/** The redacted PDF ("D1": rasterise and rebuild).
 *
 * Every page is rendered to pixels, the applied redactions are painted black into those pixels
 * with their ground code in white, and a brand-new PDF is built from the images alone. Nothing of
 * the original object graph can reach the output (metadata, XMP, annotations and link URIs, form
 * values, attachments, JavaScript, outlines, hidden layers, fonts, earlier revisions): it is
 * fail-closed by construction. An invisible text layer holds only the words that no box touches
 * (for partly covered words: the characters outside the boxes) plus the labels, so the result is
 * still searchable and Ctrl+F "5.1.2e" finds every box.
 *
 * Works page by page: one page's canvas is alive at a time. */
export async function exportRedacted(
  input: Uint8Array,
  doc: ExtractedDocument,
  redactions: Redaction[],
  options: ExportOptions = {},
): Promise<Uint8Array> {
  const dpi = options.dpi ?? DEFAULT_DPI;
  const boxesByPage = appliedBoxesByPage(redactions);
  const out = await PDFDocument.create({ updateMetadata: false });
  out.registerFontkit(fontkit);
  out.setTitle(options.title ?? DEFAULT_TITLE, { showInWindowTitleBar: true });
  out.setProducer(OUTPUT_PRODUCER);
  out.catalog.set(PDFName.of('Lang'), PDFString.of(OUTPUT_LANGUAGE));
  const fonts = new TextLayerFonts(out);
  registerLabelFont();

  await withPdf(input, async (handle) => {
    if (handle.numPages !== doc.pages.length) {
      throw new DocumentError('internal', `Het document heeft ${handle.numPages} pagina's, maar de tekstanalyse ${doc.pages.length}; exporteren is afgebroken.`);
    }
    for (const pageNumber of boxesByPage.keys()) {
      if (pageNumber < 1 || pageNumber > handle.numPages) {
        throw new DocumentError('internal', `Een lakking verwijst naar pagina ${pageNumber}, die niet bestaat; exporteren is afgebroken.`);
      }
    }
    for (const page of doc.pages) {
      const placed = boxesByPage.get(page.number) ?? [];
      const { canvas, scale, width, height } = await renderPage(handle, page.number, dpi);
      const ctx = canvas.getContext('2d');
      for (const { box, redaction } of placed) paintRedaction(ctx, box, scale, redaction.ground);
      const image = await embedCanvas(out, canvas);

      const outPage = out.addPage([width, height]);
      const name = outPage.node.newXObject('Page', image.ref);
      outPage.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState());
      const boxes = placed.map((p) => p.box);
      // every label goes into the text layer, also where the box was too small to print it
      const labels = placed.map(({ box, redaction }) => ({ box, ground: redaction.ground }));
      await addTextLayer(outPage, fonts, page.words, boxes, labels);
      // pdf-lib gives every page an empty /Annots while building it; the gate wants none at all
      outPage.node.delete(PDFName.of('Annots'));
    }
  });
  // one full write: a single revision, no incremental updates
  return out.save({ useObjectStreams: true });
}
