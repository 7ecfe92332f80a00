import { PDFDocument, PDFHexString, PDFName, StandardFonts, type PDFPage } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { overlapShare, type Page } from '@woo/core';
import { annotationLines } from '../src/annotation-words.js';
import { extractDocument } from '../src/index.js';

/* Annotation and form text (issue 8): field values and comment texts are read as words of the
 * page, boxed by the row of their rectangle; text that is never painted is not read. */

function addAnnotation(doc: PDFDocument, page: PDFPage, dict: Record<string, unknown>): void {
  const ref = doc.context.register(doc.context.obj({ Type: 'Annot', ...dict }));
  const annots = page.node.Annots();
  if (annots) annots.push(ref);
  else page.node.set(PDFName.of('Annots'), doc.context.obj([ref]));
}

async function annotatedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const helv = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Aanvraagformulier', { x: 60, y: 780, size: 14, font: helv });
  const form = doc.getForm();
  const name = form.createTextField('naam');
  name.setText('Jeroen de Vries');
  name.addToPage(page, { x: 200, y: 700, width: 250, height: 20, font: helv });
  const agreed = form.createCheckBox('akkoord');
  agreed.check();
  agreed.addToPage(page, { x: 200, y: 650, width: 12, height: 12 });
  // a two-line comment without an appearance stream: its contents are what a viewer shows
  addAnnotation(doc, page, { Subtype: 'FreeText', Rect: [300, 500, 500, 540], F: 4, Contents: PDFHexString.fromText('Navragen bij\nSanne Bakker'), DA: PDFHexString.fromText('/Helv 9 Tf 0 g') });
  addAnnotation(doc, page, { Subtype: 'FreeText', Rect: [300, 400, 500, 420], F: 4 | 2, Contents: PDFHexString.fromText('Verborgen Karel') });
  addAnnotation(doc, page, { Subtype: 'Text', Rect: [60, 400, 80, 420], F: 4, Contents: PDFHexString.fromText('Notitie Pieter') });
  form.updateFieldAppearances(helv);
  return doc.save();
}

describe('annotation and form text', () => {
  let page: Page;
  beforeAll(async () => {
    page = (await extractDocument(await annotatedPdf())).pages[0]!;
  });
  const annotation = () => page.words.filter((w) => w.source === 'annotation');

  it('reads field values and comment texts, and nothing that is never painted', () => {
    expect(annotation().map((w) => w.text).sort()).toEqual(['Bakker', 'Jeroen', 'Navragen', 'Sanne', 'Vries', 'bij', 'de']);
    expect(page.words.map((w) => w.text)).not.toContain('Karel');
    expect(page.words.map((w) => w.text)).not.toContain('Pieter');
  });

  it('boxes each line by its row of the rectangle, in displayed-page points', () => {
    const field = { x: 200, y: 842 - 720, width: 250, height: 20 };
    const vries = annotation().find((w) => w.text === 'Vries')!;
    expect(overlapShare(field, vries.box)).toBeGreaterThan(0.99);
    expect(overlapShare(vries.box, field)).toBeGreaterThan(0.9);
    const comment = annotation().filter((w) => ['bij', 'Bakker'].includes(w.text)).map((w) => w.box);
    expect(comment[0]!.y + comment[0]!.height).toBeLessThanOrEqual(comment[1]!.y + 0.01);
    expect(comment.every((b) => b.x === 300 && b.width === 200 && Math.abs(b.height - 20) < 0.01)).toBe(true);
  });

  it('numbers annotation lines after the page text', () => {
    const pageLines = page.words.filter((w) => w.source !== 'annotation').map((w) => w.line ?? -1);
    const lines = annotation().map((w) => w.line!);
    expect(Math.min(...lines)).toBeGreaterThan(Math.max(...pageLines));
    expect(new Set(lines).size).toBe(3);
  });
});

describe('annotationLines', () => {
  it('prefers the text the appearance paints over the stored value', () => {
    expect(annotationLines({ subtype: 'Widget', fieldType: 'Tx', fieldValue: 'oud', textContent: ['Nieuw Getoond'] })).toEqual(['Nieuw Getoond']);
  });
  it('shows a choice field by its display value', () => {
    expect(annotationLines({ subtype: 'Widget', fieldType: 'Ch', fieldValue: ['k2'], options: [{ exportValue: 'k2', displayValue: 'Fatima Bouzid' }] })).toEqual(['Fatima Bouzid']);
  });
  it('ignores buttons, hidden annotations and popups', () => {
    expect(annotationLines({ subtype: 'Widget', fieldType: 'Btn', fieldValue: 'Yes' })).toEqual([]);
    expect(annotationLines({ subtype: 'Stamp', annotationFlags: 32, contentsObj: { str: 'Gezien Jan' } })).toEqual([]);
    expect(annotationLines({ subtype: 'Text', contentsObj: { str: 'Notitie' } })).toEqual([]);
  });
});
