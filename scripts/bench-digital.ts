import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyExportPolicy, type ExtractedDocument, type Redaction } from '@woo/core';
import { createDetector } from '@woo/detect';
import type { ExportedPdf } from '@woo/export';
import { detectStage, exportStage, extractStage } from '@woo/pipeline';
import { PDFDocument } from 'pdf-lib';
import { generateCorpus } from '../fixtures/generator/corpus.js';
import { pageThreadCount, withPdf } from '@woo/pdf';
import { INK_DPI } from '../packages/pdf/src/extract.js';
import { accountInk } from '../packages/pdf/src/ink-accounting.js';
import { renderInkLayers } from '../packages/pdf/src/layers.js';
import { extractFontWords } from '../packages/pdf/src/words.js';
import { bestOf, type BenchRow } from './bench-util.js';

/** A generated corpus folded into one PDF of `pages` pages, plus the corpus text for detection. */
export async function benchDocument(pages: number, workDir: string): Promise<{ pdf: Uint8Array; texts: string[] }> {
  const corpusDir = path.join(workDir, 'corpus');
  await generateCorpus({ out: corpusDir, docs: 24, seed: 2026, cast: 'b', scanned: false });
  const merged = await PDFDocument.create();
  const files = fs.readdirSync(path.join(corpusDir, 'pdf')).filter((f) => f.endsWith('_digital.pdf')).sort();
  while (merged.getPageCount() < pages) {
    for (const f of files) {
      const src = await PDFDocument.load(fs.readFileSync(path.join(corpusDir, 'pdf', f)));
      for (const page of await merged.copyPages(src, src.getPageIndices())) {
        if (merged.getPageCount() < pages) merged.addPage(page);
      }
    }
  }
  const texts = fs.readdirSync(path.join(corpusDir, 'text')).map((f) => fs.readFileSync(path.join(corpusDir, 'text', f), 'utf8'));
  return { pdf: await merged.save(), texts };
}

/** Whole digital pipeline (extract, detect, export + verify) against `pdftotext -bbox-layout`. */
export async function benchDigital(pdf: Uint8Array, workDir: string): Promise<BenchRow[]> {
  const file = path.join(workDir, 'bench50.pdf');
  fs.writeFileSync(file, pdf);
  const pages = (await PDFDocument.load(pdf)).getPageCount();
  const detector = createDetector();
  const popplerS = await bestOf(3, async () => {
    execFileSync('pdftotext', ['-bbox-layout', file, path.join(workDir, 'bbox.html')]);
  });
  // the stage figures are those of the fastest whole run; the first run also starts the page threads
  let best = { wholeS: Infinity, extractS: 0, detectS: 0, exportS: 0 };
  let ocrShare = 0;
  let exported: ExportedPdf | undefined;
  let doc: ExtractedDocument | undefined;
  let redactions: Redaction[] = [];
  const wholeS = await bestOf(3, async () => {
    const started = performance.now();
    let t = started;
    doc = await extractStage(pdf);
    const extractS = (performance.now() - t) / 1000;
    ocrShare = doc.pages.filter((p) => p.needsOcr).length / doc.pages.length;
    t = performance.now();
    redactions = applyExportPolicy(detectStage(doc, detector), 'accept-suggested');
    const detectS = (performance.now() - t) / 1000;
    t = performance.now();
    exported = await exportStage(pdf, doc, redactions);
    const exportS = (performance.now() - t) / 1000;
    const run = (performance.now() - started) / 1000;
    if (run < best.wholeS) best = { wholeS: run, extractS, detectS, exportS };
  });
  const { extractS, detectS, exportS } = best;
  const auto = exported!;
  const vectorPages = auto.pageMethods.filter((m) => m === 'vector').length;
  const rasterPages = pages - vectorPages;
  let rasterOnly: ExportedPdf | undefined;
  const rasterS = await bestOf(1, async () => {
    rasterOnly = await exportStage(pdf, doc!, redactions, { method: 'raster' });
  });
  const pps = (s: number) => pages / s;
  const inkS = Math.min(await inkAccountingSeconds(pdf), await inkAccountingSeconds(pdf));
  return [
    { what: `pdftotext -bbox-layout (${pages} pages)`, value: pps(popplerS), unit: 'pages/s' },
    { what: `extract (words, boxes and ink accounting; ${pageThreadCount()} page threads)`, value: pps(extractS), unit: 'pages/s', ratio: popplerS / extractS },
    { what: '  ink accounting when a page is rendered in full (2 renders, 72 dpi)', value: (1000 * inkS) / pages, unit: 'ms/page' },
    { what: '  pages sent to OCR (normal digital corpus)', value: 100 * ocrShare, unit: '%' },
    { what: 'detect', value: pps(detectS), unit: 'pages/s' },
    { what: `export + verify, auto (${vectorPages} vector, ${rasterPages} raster)`, value: pps(exportS), unit: 'pages/s' },
    { what: '  raster fallback pages: time per page', value: rasterPages ? auto.rasterMs / rasterPages : 0, unit: 'ms/page' },
    { what: '  output size / input size (auto)', value: auto.pdf.length / pdf.length, unit: '×' },
    { what: 'export + verify, raster (every page, 150 dpi)', value: pps(rasterS), unit: 'pages/s' },
    { what: '  output size / input size (raster)', value: rasterOnly!.pdf.length / pdf.length, unit: '×' },
    { what: 'whole digital pipeline (auto export)', value: pps(wholeS), unit: 'pages/s', ratio: popplerS / wholeS },
  ];
}

/** Seconds spent on ink accounting alone (both renders of every page and the accounting), the
 * words being given. */
async function inkAccountingSeconds(pdf: Uint8Array): Promise<number> {
  let seconds = 0;
  await withPdf(pdf, async (handle) => {
    for (let n = 1; n <= handle.numPages; n++) {
      const page = await handle.doc.getPage(n);
      const words = await extractFontWords(page);
      const t = performance.now();
      accountInk(await renderInkLayers(page, INK_DPI), words);
      seconds += (performance.now() - t) / 1000;
      page.cleanup();
    }
  });
  return seconds;
}

/** Detection throughput on one core, over at least 2 MB of generated document text. */
export function benchDetection(texts: string[]): BenchRow[] {
  const detector = createDetector();
  detector.detect('Warm-up: Jan de Vries belde 06-12345678.');
  let text = texts.join('\n\f\n');
  while (text.length < 2_000_000) text += `\n\f\n${text}`;
  const seconds = (() => {
    const t = performance.now();
    detector.detect(text);
    return (performance.now() - t) / 1000;
  })();
  return [{ what: `detect() on ${(text.length / 1e6).toFixed(1)} M characters`, value: text.length / seconds / 1000, unit: 'k chars/s' }];
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'woo-bench-'));
}
