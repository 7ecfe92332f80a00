import type * as mupdf from 'mupdf';
import { OUTPUT_LANGUAGE, OUTPUT_PRODUCER } from './metadata.js';
import { isName } from './vector.js';

/* What a vector export keeps of the original object graph: an allowlist, so that whatever we did
 * not think of (a viewer's private key, a new kind of action) is dropped rather than published.
 * The full rewrite with garbage collection then leaves out every object nothing points to. */

const CATALOG_KEEP = new Set(['Type', 'Pages']);
const PAGE_TREE_KEEP = new Set(['Type', 'Kids', 'Count', 'Parent', 'MediaBox', 'CropBox', 'Rotate', 'Resources']);
const PAGE_KEEP = new Set(['Type', 'Parent', 'MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'Resources', 'Contents', 'Group', 'UserUnit']);

function keepOnly(dict: mupdf.PDFObject, keep: ReadonlySet<string>): void {
  const drop: string[] = [];
  dict.forEach((_, key) => {
    if (!keep.has(String(key))) drop.push(String(key));
  });
  for (const key of drop) dict.delete(key);
}

/** Removes metadata (Info, XMP), outlines, page labels, names (attachments, JavaScript), actions,
 * forms, the structure tree, optional-content settings and page-level extras (annotations,
 * thumbnails, actions, piece info), then sets the title, the producer and the language. */
export function scrubDocument(doc: mupdf.PDFDocument, title: string): void {
  const trailer = doc.getTrailer();
  const catalog = trailer.get('Root');
  keepOnly(catalog, CATALOG_KEEP);
  catalog.put('Lang', doc.newString(OUTPUT_LANGUAGE));

  const walk = (node: mupdf.PDFObject) => {
    if (isName(node.get('Type'), 'Pages')) {
      keepOnly(node, PAGE_TREE_KEEP);
      node.get('Kids').forEach((kid) => walk(kid));
    } else {
      keepOnly(node, PAGE_KEEP);
    }
  };
  walk(catalog.get('Pages'));

  const info = doc.newDictionary();
  info.put('Title', doc.newString(title));
  info.put('Producer', doc.newString(OUTPUT_PRODUCER));
  trailer.put('Info', doc.addObject(info));
}
