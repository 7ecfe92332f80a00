import {
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  StandardFonts,
  TextRenderingMode,
  beginText,
  endMarkedContent,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { groundByCode, type Box, type GroundCode, type Word } from '@woo/core';
import { hits, keptFragments } from './cover.js';
import { fitsWinAnsi, textFontBytes } from './fonts.js';

// A word box spans ascent to descent, about 1.16 em for common sans and serif fonts; the
// baseline sits ~0.24 em above the bottom. Only selection geometry depends on this.
const BOX_EM = 1.164;
const DESCENT_EM = 0.236;
const LABEL_EM_OF_BOX = 0.6;
const MAX_LABEL_PT = 20;

/** A word standing upright on the displayed page is wider than high, unless it is one glyph. */
function isVertical(word: Word): boolean {
  return [...word.text].length > 1 && word.box.height > 1.5 * word.box.width;
}

/** The fonts of the invisible text layer of one output document. */
export class TextLayerFonts {
  private helvetica?: PDFFont;
  private unicode?: PDFFont;
  constructor(private readonly doc: PDFDocument) {}

  /** Helvetica/WinAnsi needs no embedding; anything else gets a DejaVu subset holding only the
   * glyphs of text that is actually kept (so no glyph of redacted text travels along). */
  async for(text: string): Promise<PDFFont> {
    if (fitsWinAnsi(text)) return (this.helvetica ??= await this.doc.embedFont(StandardFonts.Helvetica));
    return (this.unicode ??= await this.doc.embedFont(textFontBytes(), { subset: true }));
  }
}

export interface LabelPlacement {
  box: Box;
  ground: GroundCode;
}

/** Builds the page's invisible text (render mode 3): every kept fragment of every word at its
 * original place, then one label per redaction box wrapped in marked content whose /Alt tells a
 * screen reader what was removed and on which ground. */
export async function addTextLayer(
  page: PDFPage,
  fonts: TextLayerFonts,
  words: readonly Word[],
  boxes: readonly Box[],
  labels: readonly LabelPlacement[],
): Promise<void> {
  const height = page.getHeight();
  const keys = new Map<PDFFont, PDFName>();
  const keyOf = (font: PDFFont) => {
    let key = keys.get(font);
    if (!key) {
      key = page.node.newFontDictionary(font.name, font.ref);
      keys.set(font, key);
    }
    return key;
  };
  const ops: PDFOperator[] = [pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible), beginText()];
  const place = async (text: string, x0: number, x1: number, bottom: number, size: number) => {
    const font = await fonts.for(text);
    const natural = font.widthOfTextAtSize(text, size) || 1;
    ops.push(
      setFontAndSize(keyOf(font), size),
      setCharacterSqueeze((100 * Math.max(x1 - x0, 0.1)) / natural),
      setTextMatrix(1, 0, 0, 1, x0, height - bottom + DESCENT_EM * size),
      showText(font.encodeText(text)),
    );
  };

  for (const word of words) {
    if (isVertical(word)) {
      // charEdges carry no information across vertical text: keep such a word whole or not at all
      if (boxes.some((b) => hits(b, word.box))) continue;
      await placeVertical(word);
      continue;
    }
    const size = word.box.height / BOX_EM;
    if (!(size > 0)) continue;
    for (const f of keptFragments(word, boxes)) await place(f.text, f.x0, f.x1, word.box.y + word.box.height, size);
  }
  async function placeVertical(word: Word) {
    // reads top to bottom with the glyph tops to the right, as on a page shown with /Rotate 90
    const size = word.box.width / BOX_EM;
    const font = await fonts.for(word.text);
    const natural = font.widthOfTextAtSize(word.text, size) || 1;
    ops.push(
      setFontAndSize(keyOf(font), size),
      setCharacterSqueeze((100 * word.box.height) / natural),
      setTextMatrix(0, -1, 1, 0, word.box.x + DESCENT_EM * size, height - word.box.y),
      showText(font.encodeText(word.text)),
    );
  }
  for (const { box, ground } of labels) {
    const size = Math.min(box.height * LABEL_EM_OF_BOX, MAX_LABEL_PT);
    if (!(size > 0)) continue;
    const font = await fonts.for(ground);
    const natural = font.widthOfTextAtSize(ground, size);
    const x0 = box.x + Math.max(0, (box.width - natural) / 2);
    const x1 = Math.min(box.x + box.width, x0 + natural);
    const bottom = box.y + box.height - (box.height - size * 0.7) / 2;
    ops.push(beginAlternative(ground));
    await place(ground, x0, x1, bottom, size);
    ops.push(endMarkedContent());
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}

/** `/Span <</Alt (…) /ActualText (…)>> BDC`: the accessible description of one redaction. The
 * property list must be inline; pdf-lib writes string operands verbatim. */
function beginAlternative(code: GroundCode): PDFOperator {
  const ground = groundByCode(code);
  const alt = PDFHexString.fromText(`Weggelakt: ${ground.article}, ${ground.description.toLowerCase()}`);
  const actual = PDFHexString.fromText(code);
  return PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
    PDFName.of('Span'),
    `<</Alt ${alt.toString()} /ActualText ${actual.toString()}>>`,
  ]);
}
