import fs from 'node:fs';
import { createDetector } from '@woo/detect';
import { applyPolicy, detectStage, extractStage } from '@woo/pipeline';
import { exportRedacted, verifyExport } from '@woo/export';
import { benchDocument, tempDir } from './bench-digital.js';

const work = tempDir();
const { pdf } = await benchDocument(50, work);
fs.writeFileSync('/tmp/vscratch/bench50.pdf', pdf);
for (let round = 0; round < 2; round++) {
  let t = performance.now();
  const doc = await extractStage(pdf);
  const ext = performance.now() - t;
  t = performance.now();
  const redactions = applyPolicy(detectStage(doc, createDetector()), 'accept-suggested');
  const det = performance.now() - t;
  t = performance.now();
  const out = await exportRedacted(pdf, doc, redactions, { method: 'auto' });
  const exp = performance.now() - t;
  t = performance.now();
  const v = await verifyExport(out.pdf, { doc, redactions, source: pdf });
  const ver = performance.now() - t;
  console.log({ ext, det, exp, ver, ok: v.ok, problems: v.problems.slice(0, 5), methods: out.pageMethods.filter((m) => m === 'vector').length, inKB: pdf.length / 1024, outKB: out.pdf.length / 1024 });
  fs.writeFileSync('/tmp/vscratch/bench50.out.pdf', out.pdf);
}
fs.rmSync(work, { recursive: true, force: true });
