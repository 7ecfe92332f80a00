import { DocumentError, type ExtractedDocument, type Page, type Redaction } from '@woo/core';
import { withPdf } from '@woo/pdf';
import { appliedBoxesByPage } from './cover.js';
import { DEFAULT_TITLE } from './metadata.js';
import { rasterPages } from './raster.js';
import { ownTitle, publishedTitle } from './title.js';
import { openMupdf, vectorObstacles } from './vector.js';
import { vectorDocument } from './vector-document.js';

export const DEFAULT_DPI = 150;

/** How pages are exported. `raster`: every page rebuilt from its rendering (fail-closed by
 * construction, no original text). `vector`: pages proven clean keep their own content with the
 * redactions applied inside it; the rest are raster; a vector page the verifier rejects fails
 * the document. `auto` (default): as `vector`, but a rejected vector page is exported again as
 * raster. */
export type ExportMethod = 'raster' | 'vector' | 'auto';
export type PageMethod = 'vector' | 'raster';

export interface ExportOptions {
  /** Resolution of the page images; 150 dpi keeps 8 pt text legible at ~120 KB per text page. */
  dpi?: number;
  method?: ExportMethod;
  /** Pages (1-based) that go raster whatever else holds: the verifier rejected them as vector. */
  forceRaster?: readonly number[];
  /** The neutral title (/Title) used when the document's own title cannot be kept (title.ts). */
  title?: string;
}

export interface ExportedPdf {
  pdf: Uint8Array;
  /** How each page (index = page number - 1) was exported. */
  pageMethods: PageMethod[];
  /** Milliseconds spent on the raster pages (render, paint, encode) and on everything else. */
  rasterMs: number;
  vectorMs: number;
}

/** A page whose reading proved that every ink on it is visible text of trusted fonts: no OCR
 * regions (images with text, annotation appearances, untrusted fonts, outlines), no hidden
 * text, nothing unread. Only such a page can be redacted inside its own content. */
function readCleanly(page: Page): boolean {
  return page.source === 'text-layer' && !page.needsOcr && !page.ocrRegions?.length && !page.hiddenWords?.length && !page.unreadRegions?.length;
}

/** The redacted PDF: per page vector (MuPDF redaction inside the original content) or raster
 * (rendered and rebuilt), as `options.method` and each page's reading allow. With only raster
 * pages the output is a brand-new PDF built from the page images; otherwise it is the input,
 * redacted and scrubbed, with raster pages swapped in (vector-document.ts). */
export async function exportRedacted(
  input: Uint8Array,
  doc: ExtractedDocument,
  redactions: Redaction[],
  options: ExportOptions = {},
): Promise<ExportedPdf> {
  const dpi = options.dpi ?? DEFAULT_DPI;
  const neutral = options.title ?? DEFAULT_TITLE;
  const method = options.method ?? 'auto';
  const boxesByPage = appliedBoxesByPage(redactions);
  const started = performance.now();
  const pageMethods = method === 'raster' ? doc.pages.map((): PageMethod => 'raster') : choosePageMethods(input, doc, options.forceRaster ?? []);
  const rasterNumbers = doc.pages.filter((_, i) => pageMethods[i] === 'raster').map((p) => p.number);

  let rasterMs = 0;
  const { raster, title } = await withPdf(input, async (handle) => {
    if (handle.numPages !== doc.pages.length) {
      throw new DocumentError('internal', `Het document heeft ${handle.numPages} pagina's, maar de tekstanalyse ${doc.pages.length}; exporteren is afgebroken.`);
    }
    for (const pageNumber of boxesByPage.keys()) {
      if (pageNumber < 1 || pageNumber > handle.numPages) {
        throw new DocumentError('internal', `Een lakking verwijst naar pagina ${pageNumber}, die niet bestaat; exporteren is afgebroken.`);
      }
    }
    const title = publishedTitle(await ownTitle(handle), doc, redactions, neutral);
    if (!rasterNumbers.length) return { raster: undefined, title };
    const rasterStart = performance.now();
    const bytes = await rasterPages(handle, doc, boxesByPage, rasterNumbers, dpi, title);
    rasterMs = performance.now() - rasterStart;
    return { raster: bytes, title };
  });
  const pdf = rasterNumbers.length === doc.pages.length ? raster! : vectorDocument(input, pageMethods, boxesByPage, raster, title);
  return { pdf, pageMethods, rasterMs, vectorMs: performance.now() - started - rasterMs };
}

function choosePageMethods(input: Uint8Array, doc: ExtractedDocument, forceRaster: readonly number[]): PageMethod[] {
  const candidates = doc.pages.map((p) => readCleanly(p) && !forceRaster.includes(p.number));
  if (!candidates.some(Boolean)) return doc.pages.map(() => 'raster');
  const pdf = openMupdf(input);
  try {
    if (pdf.countPages() !== doc.pages.length) {
      throw new DocumentError('internal', `Het document heeft ${pdf.countPages()} pagina's, maar de tekstanalyse ${doc.pages.length}; exporteren is afgebroken.`);
    }
    return candidates.map((candidate, i): PageMethod => {
      if (!candidate) return 'raster';
      const page = pdf.loadPage(i);
      try {
        return vectorObstacles(page).length ? 'raster' : 'vector';
      } finally {
        page.destroy();
      }
    });
  } finally {
    pdf.destroy();
  }
}
