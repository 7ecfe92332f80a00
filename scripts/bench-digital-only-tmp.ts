import fs from 'node:fs';
import { benchDigital, benchDocument, tempDir } from './bench-digital.js';
import { printRows } from './bench-util.js';
const work = tempDir();
try {
  const { pdf } = await benchDocument(50, work);
  printRows('Digital pipeline, generated 50-page PDF', await benchDigital(pdf, work));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
