import fs from 'node:fs';
import path from 'node:path';
import { withPdf, renderPage } from '@woo/pdf';
import { OCR_DPI } from '@woo/pipeline';
import { benchOcr } from '../packages/ocr/bench.js';
import { generateCorpus } from '../fixtures/generator/corpus.js';
import type { BenchRow } from './bench-util.js';

/** Generated scans (200-dpi JPEG, skewed up to 1.5°, noise) rendered at 300 dpi the way the OCR
 * stage renders them: the pages both engines read. Upright pages only, so the figures compare
 * reading speed, not orientation trials (those are in packages/ocr/README.md). */
export async function benchScanPages(count: number, workDir: string): Promise<Uint8Array[]> {
  const corpusDir = path.join(workDir, 'scans');
  await generateCorpus({ out: corpusDir, docs: 3, seed: 2026, cast: 'b', scanned: true, types: ['letter', 'email', 'minutes'] });
  const params = JSON.parse(fs.readFileSync(path.join(corpusDir, 'pdf', 'scan_params.json'), 'utf8')) as Record<string, Array<{ page: number; angle_deg_clockwise: number }>>;
  const pngs: Uint8Array[] = [];
  for (const [id, pages] of Object.entries(params).sort()) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(corpusDir, 'pdf', `${id}.pdf`)));
    await withPdf(bytes, async (handle) => {
      for (const p of pages) {
        if (pngs.length >= count || Math.abs(p.angle_deg_clockwise) > 5) continue;
        const { canvas } = await renderPage(handle, p.page, OCR_DPI);
        pngs.push(new Uint8Array(await canvas.encode('png')));
      }
    });
  }
  return pngs;
}

/** Seconds per OCR page: our tesseract.js pool against native tesseract on the same pages. */
export async function benchOcrRows(workDir: string, pages = 4): Promise<BenchRow[]> {
  const pngs = await benchScanPages(pages, workDir);
  const r = await benchOcr(pngs, { dpi: OCR_DPI });
  const rows: BenchRow[] = [
    { what: `tesseract.js start-up (1 worker, nld+eng)`, value: r.tesseractJsStartup, unit: 's' },
    { what: `native tesseract 5, 1 thread (${r.pages} pages)`, value: r.nativePerPage ?? NaN, unit: 's/page' },
    { what: 'tesseract.js, 1 worker, page after page', value: r.tesseractJsPerPage, unit: 's/page', ...(r.nativePerPage ? { ratio: r.nativePerPage / r.tesseractJsPerPage } : {}) },
    {
      what: `tesseract.js pool, ${r.poolWorkers} workers, throughput`,
      value: r.tesseractJsPoolPerPage,
      unit: 's/page',
      ...(r.nativePerPage ? { ratio: r.nativePerPage / r.tesseractJsPoolPerPage } : {}),
    },
  ];
  if (r.nativePerPage === undefined) rows.splice(1, 1);
  return rows;
}
