import { openMupdf, redactVectorPage, addLabelFont } from './vector.js';
import type { PlacedBox } from './cover.js';
import { scrubDocument } from './scrub.js';

/** Options for MuPDF's full rewrite: every object renumbered, unreferenced and duplicate objects
 * dropped, streams compressed; one revision. No `clean`: every content stream of a vector page
 * was already rewritten, operator by operator, by the redaction filter (each page has at least
 * the off-page rectangles), and rewriting it again costs a third of the export. */
const SAVE_OPTIONS = 'garbage=deduplicate,compress=yes,compress-fonts=yes';

/** The output document when at least one page goes the vector way: the input with the
 * redactions applied inside every vector page, each raster page replaced by its rebuilt page
 * (from `raster`, the raster pages in page order), everything outside the pages scrubbed, fonts
 * cut down to the glyphs still used, written out whole. */
export function vectorDocument(
  input: Uint8Array,
  methods: readonly ('vector' | 'raster')[],
  boxesByPage: ReadonlyMap<number, PlacedBox[]>,
  raster: Uint8Array | undefined,
  title: string,
): Uint8Array {
  const doc = openMupdf(input);
  const rasterDoc = raster ? openMupdf(raster) : undefined;
  try {
    // annotation and form appearances become page content first: they are what the ink
    // accounting read, and are then redacted like any other content
    doc.bake(true, true);
    const labelFont = addLabelFont(doc);
    methods.forEach((method, i) => {
      if (method !== 'vector') return;
      const page = doc.loadPage(i);
      try {
        redactVectorPage(doc, page, boxesByPage.get(i + 1) ?? [], labelFont);
      } finally {
        page.destroy();
      }
    });
    if (rasterDoc) {
      const graft = doc.newGraftMap();
      let k = 0;
      methods.forEach((method, i) => {
        if (method !== 'raster') return;
        doc.deletePage(i);
        graft.graftPage(i, rasterDoc, k++);
      });
    }
    scrubDocument(doc, title);
    doc.subsetFonts();
    return new Uint8Array(doc.saveToBuffer(SAVE_OPTIONS).asUint8Array());
  } finally {
    rasterDoc?.destroy();
    doc.destroy();
  }
}
