import { createHash } from 'node:crypto';
import * as mupdf from 'mupdf';
import type { Box } from '@woo/core';
import { isName } from './vector.js';

/* The verifier's object-level checks, on the file as stored rather than as a viewer shows it:
 * the text of every object and every decompressed stream (what `qpdf --qdf` shows), /Redact
 * annotations left behind, and, against the input, content streams, form XObjects, font programs
 * and images of redacted pages that survive unchanged. */

const hash = (bytes: NodeJS.ArrayBufferView) => createHash('sha256').update(bytes).digest('hex');

/** Strings shown by simple-font text operators, decoded: `(Jan) Tj`, `[(Jan) 20 (sen)] TJ`,
 * `<4A616E> Tj`. Glyph codes of CID fonts are not text and stay out (the text layer check reads
 * those through the fonts' Unicode maps). */
function shownText(content: string): string {
  const literal = (s: string) => s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e));
  const hex = (s: string) => Buffer.from(s.replace(/\s/g, '').padEnd(Math.ceil(s.replace(/\s/g, '').length / 2) * 2, '0'), 'hex').toString('latin1');
  const pieces: string[] = [];
  for (const m of content.matchAll(/\[((?:[^\]\\]|\\.)*)\]\s*TJ|\(((?:[^()\\]|\\.)*)\)\s*(?:Tj|'|")|<([0-9A-Fa-f\s]*)>\s*(?:Tj|'|")/g)) {
    if (m[1] !== undefined) pieces.push([...m[1].matchAll(/\(((?:[^()\\]|\\.)*)\)|<([0-9A-Fa-f\s]*)>/g)].map((p) => (p[1] !== undefined ? literal(p[1]) : hex(p[2]!))).join(''));
    else if (m[2] !== undefined) pieces.push(literal(m[2]));
    else pieces.push(hex(m[3]!));
  }
  return pieces.join(' ');
}

export interface StoredObjects {
  /** Every string value of the file. */
  strings: string;
  /** Every decompressed stream as bytes (Latin-1), and the text that their text operators show:
   * one occurrence of a word in a content stream is usually in both. */
  streams: string;
  shown: string;
  /** Redaction annotations still in the file. */
  redactAnnotations: number;
  /** sha256 of every decompressed stream. */
  streamHashes: Set<string>;
}

const BINARY_SUBTYPES = new Set(['Image', 'Type1C', 'CIDFontType0C', 'OpenType']);

/** Image and font-program streams. */
function isBinary(dict: mupdf.PDFObject): boolean {
  const subtype = dict.get('Subtype');
  if (subtype.isName() && BINARY_SUBTYPES.has(subtype.asName())) return true;
  return !dict.get('Length1').isNull() || !dict.get('Length2').isNull();
}

/** Reads every object of the file once. */
export function storedObjects(doc: mupdf.PDFDocument): StoredObjects {
  const strings: string[] = [];
  const streams: string[] = [];
  const shown: string[] = [];
  const streamHashes = new Set<string>();
  let redactAnnotations = 0;
  const collect = (o: mupdf.PDFObject, depth: number) => {
    if (depth > 8 || o.isIndirect()) return;
    if (o.isString()) strings.push(o.asString());
    else if (o.isArray() || o.isDictionary()) o.forEach((v) => collect(v, depth + 1));
  };
  for (let num = 1; num < doc.countObjects(); num++) {
    // a stream is only known as one through its reference: keep `obj` indirect
    const obj = doc.newIndirect(num);
    const value = obj.resolve();
    if (value.isDictionary() && isName(value.get('Subtype'), 'Redact')) redactAnnotations++;
    collect(value, 0);
    if (!obj.isStream()) continue;
    let data: Uint8Array;
    try {
      data = obj.readStream().asUint8Array();
    } catch {
      data = obj.readRawStream().asUint8Array();
    }
    streamHashes.add(hash(data));
    const latin1 = Buffer.from(data).toString('latin1');
    // pixels and font programs are binary: any two letters occur in them by chance (they are
    // checked as decoded pixels and as surviving programs instead)
    if (!isBinary(value)) streams.push(latin1);
    shown.push(shownText(latin1));
  }
  return { strings: strings.join('\n'), streams: streams.join('\n'), shown: shown.join('\n'), redactAnnotations, streamHashes };
}

/** What a redacted input page is made of: decompressed content streams (the page's and those of
 * the forms it draws) and font programs. */
export function pageStreams(page: mupdf.PDFPage): { content: string[]; fonts: string[] } {
  const content: string[] = [];
  const fonts: string[] = [];
  const seen = new Set<number>();
  const once = (o: mupdf.PDFObject) => {
    if (!o.isIndirect()) return true;
    if (seen.has(o.asIndirect())) return false;
    seen.add(o.asIndirect());
    return true;
  };
  const streamHash = (o: mupdf.PDFObject) => hash(o.readStream().asUint8Array());
  // a stream that shows no text and draws nothing ("q", "Q", a rule) holds nothing to redact
  const paints = (o: mupdf.PDFObject) => /(?:T[jJ]|['"]|Do|BI)\s/.test(Buffer.from(o.readStream().asUint8Array()).toString('latin1'));
  const addContent = (o: mupdf.PDFObject) => {
    if (o.isStream() && paints(o)) content.push(streamHash(o));
  };
  const fontProgram = (font: mupdf.PDFObject) => {
    const descendants = font.get('DescendantFonts');
    const descriptor = descendants.isArray() ? descendants.get(0).get('FontDescriptor') : font.get('FontDescriptor');
    if (!descriptor.isDictionary()) return;
    for (const key of ['FontFile', 'FontFile2', 'FontFile3']) {
      const file = descriptor.get(key);
      if (file.isStream() && once(file)) fonts.push(streamHash(file));
    }
  };
  const visit = (resources: mupdf.PDFObject) => {
    if (!resources.isDictionary() || !once(resources)) return;
    const fontDict = resources.get('Font');
    if (fontDict.isDictionary()) fontDict.forEach((font) => fontProgram(font));
    const xobjects = resources.get('XObject');
    if (xobjects.isDictionary()) xobjects.forEach((x) => {
      if (isName(x.get('Subtype'), 'Form') && x.isStream() && once(x)) {
        addContent(x);
        visit(x.get('Resources'));
      }
    });
  };
  const object = page.getObject();
  const contents = object.get('Contents');
  if (contents.isArray()) contents.forEach((c) => addContent(c));
  else addContent(contents);
  visit(object.getInheritable('Resources'));
  return { content, fonts };
}

/** sha256 of the decoded pixels of every image the page draws across one of `boxes`. */
export function imagesUnderBoxes(page: mupdf.Page, boxes: readonly Box[]): Set<string> {
  const found = new Set<string>();
  const device = new mupdf.Device({
    fillImage(image: mupdf.Image, ctm: mupdf.Matrix) {
      const [x0, y0, x1, y1] = mupdf.Rect.transform([0, 0, 1, 1], ctm);
      if (!boxes.some((b) => b.x < x1 && b.x + b.width > x0 && b.y < y1 && b.y + b.height > y0)) return;
      const pixmap = image.toPixmap();
      try {
        found.add(hash(pixmap.getPixels()));
      } finally {
        pixmap.destroy();
      }
    },
  });
  try {
    page.run(device, mupdf.Matrix.identity);
    device.close();
  } finally {
    device.destroy();
  }
  return found;
}
