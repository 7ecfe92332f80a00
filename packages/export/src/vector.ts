import * as mupdf from 'mupdf';
import { boxesOverlap, groundsOf, padBox, type Box } from '@woo/core';
import type { PlacedBox } from './cover.js';
import { labelOperators, num } from './vector-label.js';
import { BOX_PADDING_PT } from './paint.js';

/* The vector path ("D2", MuPDF true redaction): the redactions are applied inside the original
 * page, so glyphs, image pixels and vector paths under a box are removed from the content itself,
 * and the text that stays is the original text in its own fonts. */

/** The resource name the label font is registered under on every vector page. */
const LABEL_FONT_KEY = 'WooLabel';

/** Opens PDF bytes in MuPDF. */
export function openMupdf(bytes: Uint8Array): mupdf.PDFDocument {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  const pdf = doc.asPDF();
  if (!pdf) throw new Error('not a PDF');
  return pdf;
}

/** Why a page cannot be proven clean by the vector path, in the page's resources (also those of
 * the forms it draws): Type3 fonts (glyphs are drawings of anything), patterns and shadings
 * (paint that redaction cannot cut), optional content (a layer that is off would come back on
 * once the document's layer settings are removed). Empty when there is none. */
export function vectorObstacles(page: mupdf.PDFPage): string[] {
  const found = new Set<string>();
  const seen = new Set<number>();
  const visit = (resources: mupdf.PDFObject) => {
    if (!resources.isDictionary()) return;
    if (resources.isIndirect()) {
      if (seen.has(resources.asIndirect())) return;
      seen.add(resources.asIndirect());
    }
    const fonts = resources.get('Font');
    if (fonts.isDictionary()) fonts.forEach((font) => {
      if (isName(font.get('Subtype'), 'Type3')) found.add('Type3-lettertype');
    });
    if (hasEntries(resources.get('Pattern'))) found.add('patroonvulling');
    if (hasEntries(resources.get('Shading'))) found.add('kleurverloop');
    if (hasEntries(resources.get('Properties'))) found.add('optionele inhoud');
    const xobjects = resources.get('XObject');
    if (xobjects.isDictionary()) xobjects.forEach((xobject) => {
      if (!xobject.get('OC').isNull()) found.add('optionele inhoud');
      if (isName(xobject.get('Subtype'), 'Form')) visit(xobject.get('Resources'));
    });
  };
  visit(page.getObject().getInheritable('Resources'));
  return [...found];
}

/** True when `value` is the name `name` (a missing or other-typed value is not). */
export function isName(value: mupdf.PDFObject, name: string): boolean {
  return value.isName() && value.asName() === name;
}

function hasEntries(dict: mupdf.PDFObject): boolean {
  let any = false;
  if (dict.isDictionary()) dict.forEach(() => (any = true));
  return any;
}

/** A redaction rectangle slightly inside the box. MuPDF removes every glyph whose box touches the
 * rectangle, and word boxes span the font's full ascent and descent: taken as they are, they touch
 * glyphs of the lines above and below and the punctuation next to the word. Along the text a
 * glyph of the word itself still overlaps by far more than the inset. */
function redactionRect(box: Box): mupdf.Rect {
  const upright = box.width >= box.height;
  const along = Math.min(0.5, (upright ? box.width : box.height) * 0.1);
  const across = (upright ? box.height : box.width) * 0.2;
  const dx = upright ? along : across;
  const dy = upright ? across : along;
  return [box.x + dx, box.y + dy, box.x + box.width - dx, box.y + box.height - dy];
}

/** How far outside the page an off-page rectangle starts: a glyph that only touches the edge is
 * visible, and stays. */
const OFF_PAGE_MARGIN_PT = 1;
const FAR = 100_000;

/** Four rectangles covering everything around the visible page. */
function offPage([x0, y0, x1, y1]: mupdf.Rect): mupdf.Rect[] {
  const m = OFF_PAGE_MARGIN_PT;
  return [
    [-FAR, -FAR, FAR, y0 - m],
    [-FAR, y1 + m, FAR, FAR],
    [-FAR, y0 - m, x0 - m, y1 + m],
    [x1 + m, y0 - m, FAR, y1 + m],
  ];
}

/** Applies the page's redactions inside its content, then paints the boxes (padded like the
 * raster boxes) and their ground labels as real text. Annotations were baked into the content
 * before, so whatever is left of them is dropped. */
export function redactVectorPage(doc: mupdf.PDFDocument, page: mupdf.PDFPage, placed: readonly PlacedBox[], labelFont: mupdf.PDFObject): void {
  for (const annotation of page.getAnnotations()) page.deleteAnnotation(annotation);
  // content outside the visible page was never read: it goes, like everything under a box. One
  // annotation holds every rectangle as a quad: MuPDF treats each quad as a rectangle of its own,
  // and looks up one annotation per glyph instead of one per rectangle.
  const rects = [...offPage(page.getBounds()), ...placed.map(({ box }) => redactionRect(box))];
  page.createAnnotation('Redact').setQuadPoints(rects.map(([x0, y0, x1, y1]): mupdf.Quad => [x0, y0, x1, y0, x0, y1, x1, y1]));
  page.applyRedactions(false, mupdf.PDFPage.REDACT_IMAGE_PIXELS, mupdf.PDFPage.REDACT_LINE_ART_REMOVE_IF_COVERED, mupdf.PDFPage.REDACT_TEXT_REMOVE);
  if (!placed.length) return;

  const pageObject = page.getObject();
  const [, , , bottom] = page.getBounds();
  // our drawing is in displayed-page coordinates with y up; the content is in PDF user space
  const flip: mupdf.Matrix = [1, 0, 0, -1, 0, bottom];
  const toUser = mupdf.Matrix.concat(flip, mupdf.Matrix.invert(page.getTransform()));
  const ops = [`Q q ${toUser.map(num).join(' ')} cm`];
  const padded = placed.map(({ box, redaction }) => ({ p: padBox(box, BOX_PADDING_PT), redaction }));
  for (const { p } of padded) ops.push(`0 g ${num(p.x)} ${num(bottom - p.y - p.height)} ${num(p.width)} ${num(p.height)} re f`);
  // labels after all fills; a box overlapping one already labelled (slanted text's pieces) gets
  // its label written invisibly, so a search for the ground still finds every box
  const printed: Box[] = [];
  for (const { p, redaction } of padded) {
    const free = !printed.some((q) => boxesOverlap(p, q));
    ops.push(...labelOperators(p, bottom, groundsOf(redaction), LABEL_FONT_KEY, free));
    if (free) printed.push(p);
  }
  ops.push('Q');

  let resources = pageObject.getInheritable('Resources');
  if (!resources.isDictionary()) {
    resources = doc.addObject(doc.newDictionary());
    pageObject.put('Resources', resources);
  }
  let fonts = resources.get('Font');
  if (!fonts.isDictionary()) {
    fonts = doc.newDictionary();
    resources.put('Font', fonts);
  }
  fonts.put(LABEL_FONT_KEY, labelFont);

  // the original content may leave its graphics state changed: wrap it in q ... Q first
  const contents = doc.newArray();
  contents.push(doc.addStream('q\n', {}));
  const old = pageObject.get('Contents');
  if (old.isArray()) old.forEach((part) => contents.push(part));
  else if (!old.isNull()) contents.push(old);
  contents.push(doc.addStream(`\n${ops.join('\n')}\n`, {}));
  pageObject.put('Contents', contents);
}

/** The label font of a vector document (Helvetica Bold, Latin encoding). */
export function addLabelFont(doc: mupdf.PDFDocument): mupdf.PDFObject {
  return doc.addSimpleFont(new mupdf.Font('Helvetica-Bold'), 'Latin');
}
