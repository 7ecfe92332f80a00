import fs from 'node:fs';
import { createDetector, parseOfficialsList } from '@woo/detect';
import { createOcrEngine } from '@woo/ocr';
import { applyPolicy, detectStage, extractStage, ocrDocument, toPdfInput } from '@woo/pipeline';
import { exportRedacted, verifyExport } from '@woo/export';
import { isApplied } from '@woo/core';

const file = process.argv[2]!;
const detector = createDetector({ officials: parseOfficialsList(fs.readFileSync('/tmp/gs/officials.txt', 'utf8')) });
const engine = await createOcrEngine({ workers: 2 });
try {
  const bytes = await toPdfInput(new Uint8Array(fs.readFileSync(file)));
  let doc = await extractStage(bytes);
  doc = await ocrDocument(bytes, doc, engine);
  fs.writeFileSync('/tmp/dbg/doc.json', JSON.stringify(doc));
  const reds = applyPolicy(detectStage(doc, detector), 'accept-suggested');
  const pdf = await exportRedacted(bytes, doc, reds, {});
  const v = await verifyExport(pdf, { doc, redactions: reds });
  console.log(v.problems);
  for (const p of v.problems) {
    const id = /lakking (r\d+)/.exec(p)?.[1];
    const r = reds.find((x) => x.id === id);
    if (!r) continue;
    console.log(id, r.text, JSON.stringify(r.boxes));
    await dumpItems(pdf, r.page, r.boxes[0]!);
    const page = doc.pages[r.page - 1]!;
    for (const b of r.boxes) {
      for (const w of page.words) {
        const dx = Math.min(b.x + b.width, w.box.x + w.box.width) - Math.max(b.x, w.box.x);
        const dy = Math.min(b.y + b.height, w.box.y + w.box.height) - Math.max(b.y, w.box.y);
        if (dx > -2 && dy > -2) console.log('   ', JSON.stringify(w.text), JSON.stringify(w.box), w.line);
      }
    }
  }
  console.log(reds.filter(isApplied).length);
} finally {
  await engine.terminate();
}
// dump items near first problem
import { withPdf } from '@woo/pdf';
export async function dumpItems(pdf: Uint8Array, n: number, box: { x: number; y: number; width: number; height: number }) {
  await withPdf(pdf, async (handle) => {
    const page = await handle.doc.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [, , , , e, f] = item.transform as number[];
      const yMid = height - f! - item.height * 0.3;
      if (e! > box.x - 20 && e! < box.x + box.width + 5 && yMid > box.y - 10 && yMid < box.y + box.height + 10) console.log('item', JSON.stringify(item.str), e, e! + item.width, yMid, item.height);
    }
  });
}
