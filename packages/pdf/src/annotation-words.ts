import type { Box, Word } from '@woo/core';
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/* The text that annotations and form fields carry: field values, the text of FreeText comments,
 * the contents of stamps. The ink of their appearances is read by OCR like any other unexplained
 * ink (ink-accounting.ts), which is what gets published; this text is read as well because it is
 * exact where OCR of small print in a coloured frame is not ("Jer0en"). Where the two disagree,
 * the box from this text still covers what the appearance shows. */

/** Annotation flags (PDF 32000 table 165) under which nothing is painted on screen. */
const HIDDEN = 1 << 1;
const NO_VIEW = 1 << 5;

/** The subset of pdfjs's annotation data read here. */
interface AnnotationData {
  subtype?: string;
  annotationFlags?: number;
  rect?: number[];
  rotation?: number;
  fieldType?: string;
  fieldValue?: unknown;
  options?: Array<{ exportValue?: unknown; displayValue?: unknown }>;
  textContent?: string[];
  contentsObj?: { str?: string };
}

/** Lines of text the annotation shows, as far as its data says; none for annotations whose text is
 * never painted (a sticky note's popup, a checkbox's on/off state). */
export function annotationLines(a: AnnotationData): string[] {
  if (((a.annotationFlags ?? 0) & (HIDDEN | NO_VIEW)) !== 0) return [];
  const painted = a.textContent?.filter((l) => l.trim()) ?? [];
  switch (a.subtype) {
    case 'Widget':
      if (a.fieldType !== 'Tx' && a.fieldType !== 'Ch') return [];
      return painted.length ? painted : fieldValueLines(a);
    case 'FreeText':
      return painted.length ? painted : splitLines(a.contentsObj?.str);
    case 'Stamp':
      return splitLines(a.contentsObj?.str);
    default:
      return [];
  }
}

function fieldValueLines(a: AnnotationData): string[] {
  const values = Array.isArray(a.fieldValue) ? a.fieldValue : [a.fieldValue];
  const shown = values.map((v) => a.options?.find((o) => o.exportValue === v)?.displayValue ?? v);
  return shown.filter((v): v is string => typeof v === 'string').flatMap(splitLines);
}

const splitLines = (s: string | undefined): string[] => (s ?? '').split(/\r\n|[\r\n]/u).filter((l) => l.trim());

/**
 * Words of the page's annotations and form fields, with `source: 'annotation'`. Where in its
 * rectangle each word is painted is not known, so every word of a line gets the box of that line's
 * row (the rectangle's height shared among the lines): a name found there blacks out its whole row.
 * On a turned page or annotation the rows are not known either, and each word gets the whole
 * rectangle. `firstLine` numbers the lines after the page's own.
 */
export async function annotationWords(page: PDFPageProxy, viewport: PageViewport, firstLine: number): Promise<Word[]> {
  const annotations = (await page.getAnnotations({ intent: 'display' })) as AnnotationData[];
  const words: Word[] = [];
  let line = firstLine;
  for (const a of annotations) {
    const lines = annotationLines(a);
    if (!lines.length || a.rect?.length !== 4) continue;
    const rect = viewportBox(viewport, a.rect);
    const rows = viewport.rotation === 0 && !a.rotation;
    lines.forEach((text, i) => {
      const box = rows ? { ...rect, y: rect.y + (rect.height * i) / lines.length, height: rect.height / lines.length } : rect;
      for (const token of text.split(/\s+/u).filter(Boolean)) words.push(annotationWord(token, box, line));
      line++;
    });
  }
  return words;
}

function viewportBox(viewport: PageViewport, rect: number[]): Box {
  const [x0, y0, x1, y1] = viewport.convertToViewportRectangle(rect) as [number, number, number, number];
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
}

function annotationWord(text: string, box: Box, line: number): Word {
  // character edges are unknown; spread evenly to keep their contract (charRangeBox ignores them)
  const charEdges = Array.from({ length: text.length + 1 }, (_, i) => box.x + (box.width * i) / text.length);
  return { text, box, charEdges, line, source: 'annotation' };
}
