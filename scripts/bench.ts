/** `npm run bench`: throughput of the pipeline, each figure next to a native baseline measured
 * in the same run on the same input (ratios are what to compare across machines). */
import fs from 'node:fs';
import { benchDetection, benchDigital, benchDocument, tempDir } from './bench-digital.js';
import { benchBatchDetection } from './bench-batch.js';
import { benchConvert } from './bench-convert.js';
import { benchOcrRows } from './bench-ocr.js';
import { printRows } from './bench-util.js';

const work = tempDir();
try {
  const { pdf, texts } = await benchDocument(50, work);
  printRows('Digital pipeline, generated 50-page PDF', await benchDigital(pdf, work));
  printRows('Detection, one core', benchDetection(texts));
  printRows('Batch detection through the workers (ratio: detector alone / detect job)', await benchBatchDetection(work));
  printRows('OCR, generated scans rendered at 300 dpi (ratio: native time / ours)', await benchOcrRows(work));
  printRows('Convert stage, seconds per input file (ratio: plain LibreOffice / ours)', await benchConvert(work));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
