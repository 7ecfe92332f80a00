// OCR speed: tesseract.js (what the tool uses) against native tesseract on the same page images.
// Called by the root `npm run bench`; native tesseract is only a yardstick and may be missing.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createOcrEngine, loadImagePages, type PageImage } from './src/index.js';

const run = promisify(execFile);

export interface OcrBenchResult {
  pages: number;
  /** Worker start-up (models loaded), seconds, paid once per process. */
  tesseractJsStartup: number;
  /** One worker, pages one after another: latency per page, seconds. */
  tesseractJsPerPage: number;
  /** The default pool (min(2, cores) workers), all pages queued: seconds per page of throughput. */
  tesseractJsPoolPerPage: number;
  poolWorkers: number;
  /** Native tesseract, one process per page, OMP_THREAD_LIMIT=1; undefined when not installed. */
  nativePerPage: number | undefined;
}

/** `pngs`: rendered pages (PNG bytes). `dpi`: their resolution when the PNG does not say. */
export async function benchOcr(pngs: readonly Uint8Array[], options: { dpi?: number; languages?: string[] } = {}): Promise<OcrBenchResult> {
  const languages = options.languages ?? ['nld', 'eng'];
  const pages: PageImage[] = [];
  for (const png of pngs) {
    const [page] = await loadImagePages(png, 'png');
    pages.push({ ...page!, dpi: options.dpi ?? page!.dpi });
  }
  const pageSize = (p: PageImage) => ({ width: (p.width * 72) / p.dpi, height: (p.height * 72) / p.dpi });

  let start = performance.now();
  const single = await createOcrEngine({ workers: 1, languages });
  const tesseractJsStartup = (performance.now() - start) / 1000;
  let tesseractJsPerPage: number;
  try {
    start = performance.now();
    for (const page of pages) await single.recognizePage(page, pageSize(page));
    tesseractJsPerPage = (performance.now() - start) / 1000 / pages.length;
  } finally {
    await single.terminate();
  }

  const pool = await createOcrEngine({ languages });
  let tesseractJsPoolPerPage: number;
  try {
    start = performance.now();
    await Promise.all(pages.map((page) => pool.recognizePage(page, pageSize(page))));
    tesseractJsPoolPerPage = (performance.now() - start) / 1000 / pages.length;
  } finally {
    await pool.terminate();
  }

  return {
    pages: pages.length,
    tesseractJsStartup,
    tesseractJsPerPage,
    tesseractJsPoolPerPage,
    poolWorkers: pool.workers,
    nativePerPage: await benchNative(pngs, pages, languages),
  };
}

async function benchNative(pngs: readonly Uint8Array[], pages: readonly PageImage[], languages: readonly string[]): Promise<number | undefined> {
  try {
    await run('tesseract', ['--version']);
  } catch {
    return undefined;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woo-ocr-bench-'));
  try {
    const files = pngs.map((png, i) => {
      const file = path.join(dir, `page-${i + 1}.png`);
      fs.writeFileSync(file, png);
      return file;
    });
    // Without the limit, OpenMP spreads one page over every core and is several times slower on
    // a shared 2-core machine.
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const start = performance.now();
    for (const [i, file] of files.entries()) {
      await run('tesseract', [file, '-', '-l', languages.join('+'), '--dpi', String(pages[i]!.dpi), 'tsv'], { env, maxBuffer: 64 << 20 });
    }
    return (performance.now() - start) / 1000 / files.length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
