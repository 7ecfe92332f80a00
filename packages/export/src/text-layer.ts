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
import { groundByCode, isPlaced, isUpright, type Box, type GroundCode, type Word } from '@woo/core';
import { hits, keptFragments } from './cover.js';
import { fitsWinAnsi, textFontBytes } from './fonts.js';

// A word box spans ascent to descent, about 1.16 em for common sans and serif fonts; the
// baseline sits ~0.24 em above the bottom. Only selection geometry depends on this.
const BOX_EM = 1.164;
const DESCENT_EM = 0.236;
const LABEL_EM_OF_BOX = 0.6;
const MAX_LABEL_PT = 20;

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
  /** Every ground of the box, the primary first; the label joins them ("5.1.2e; 5.1.2i"). */
  grounds: GroundCode[];
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
    if (!isPlaced(word)) continue;
    if (!isUpright(word)) {
      // charEdges carry no information across turned text: keep such a word whole or not at all
      if (!boxes.some((b) => (word.pieces ?? [word.box]).some((p) => hits(b, p)))) await placeTurned(word, word.angle ?? 0);
      continue;
    }
    const size = word.box.height / BOX_EM;
    if (!(size > 0)) continue;
    for (const f of keptFragments(word, boxes)) await place(f.text, f.x0, f.x1, word.box.y + word.box.height, size);
  }
  /** A word whose baseline runs at `angle` degrees (counter-clockwise), fitted into its box. */
  async function placeTurned(word: Word, angle: number) {
    const rad = (angle * Math.PI) / 180;
    const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
    const { length, across } = alongAndAcross(word.box, Math.abs(cos), Math.abs(sin));
    const size = across / BOX_EM;
    if (!(size > 0 && length > 0)) return;
    const font = await fonts.for(word.text);
    const natural = font.widthOfTextAtSize(word.text, size) || 1;
    // baseline start in displayed-page coordinates (y down): from the box centre back half the
    // length along the text, and down from the middle of the glyph height to the baseline
    const cx = word.box.x + word.box.width / 2;
    const cy = word.box.y + word.box.height / 2;
    const drop = across / 2 - DESCENT_EM * size;
    const x = cx - (cos * length) / 2 + sin * drop;
    const y = cy + (sin * length) / 2 + cos * drop;
    ops.push(
      setFontAndSize(keyOf(font), size),
      setCharacterSqueeze((100 * length) / natural),
      setTextMatrix(cos, sin, -sin, cos, x, height - y),
      showText(font.encodeText(word.text)),
    );
  }
  for (const { box, grounds } of labels) {
    const size = Math.min(box.height * LABEL_EM_OF_BOX, MAX_LABEL_PT);
    if (!(size > 0)) continue;
    const label = grounds.join('; ');
    const font = await fonts.for(label);
    const natural = font.widthOfTextAtSize(label, size);
    const x0 = box.x + Math.max(0, (box.width - natural) / 2);
    const x1 = Math.min(box.x + box.width, x0 + natural);
    const bottom = box.y + box.height - (box.height - size * 0.7) / 2;
    ops.push(beginAlternative(grounds));
    await place(label, x0, x1, bottom, size);
    ops.push(endMarkedContent());
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}

/** Length along the baseline and glyph height across it of text turned by an angle with the given
 * |cos| and |sin|, from its upright bounding box: W = L·cos + h·sin, H = L·sin + h·cos. Near 45°
 * the two cannot be told apart; the glyph height is then taken as a fifth of the box. */
function alongAndAcross(box: Box, cos: number, sin: number): { length: number; across: number } {
  const det = cos * cos - sin * sin;
  if (Math.abs(det) > 0.2) {
    const length = (box.width * cos - box.height * sin) / det;
    const across = (box.height * cos - box.width * sin) / det;
    if (length > 0 && across > 0) return { length, across };
  }
  const across = Math.min(box.width, box.height) / 5;
  return { length: Math.max(box.width, box.height) - across, across };
}

/** What a screen reader says for a redaction box with these grounds. */
export function redactionAltText(codes: readonly GroundCode[]): string {
  const reasons = codes.map((code) => {
    const ground = groundByCode(code);
    return `${ground.article}, ${ground.description.toLowerCase()}`;
  });
  return `Weggelakt: ${reasons.join('; ')}`;
}

/** `/Span <</Alt (…) /ActualText (…)>> BDC`: the accessible description of one redaction. The
 * property list must be inline; pdf-lib writes string operands verbatim. */
function beginAlternative(codes: readonly GroundCode[]): PDFOperator {
  const alt = PDFHexString.fromText(redactionAltText(codes));
  const actual = PDFHexString.fromText(codes.join('; '));
  return PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
    PDFName.of('Span'),
    `<</Alt ${alt.toString()} /ActualText ${actual.toString()}>>`,
  ]);
}
