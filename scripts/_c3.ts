import fs from 'node:fs';
import { applyExportPolicy } from '@woo/core';
import { createDetector } from '@woo/detect';
import { readDocument, detectStage } from '@woo/pipeline';
import { createLazyOcrEngine } from '@woo/ocr';
import { exportRedacted, verifyExport } from '@woo/export';
import { normalise, probeCounter } from '../packages/export/src/probes.js';
const pdf = new Uint8Array(fs.readFileSync('/tmp/adv-c3/08_c3_ocr-layer-misread.pdf'));
const ocr = createLazyOcrEngine({ workers: 1 });
const read = await readDocument(pdf, { ocr });
const doc = read.doc;
const det = createDetector({ officials: fs.readFileSync('/tmp/adv-c/officials.txt', 'utf8').split('\n').filter(Boolean) });
const red = applyExportPolicy(detectStage(doc, det), 'accept-suggested');
const { pdf: out } = await exportRedacted(read.bytes, doc, red, { method: 'raster' } as never);
const rep = await verifyExport(out, { doc, redactions: red, source: read.bytes });
console.log(rep.problems.slice(0, 3));
const hidden = [...new Set(doc.pages.flatMap((p) => (p.hiddenWords ?? []).map((w) => normalise(w.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')))))].filter((v) => v.length >= 4);
const kept = normalise(doc.pages.map((p) => p.words.map((w) => w.text).join(' ')).join('\n'));
const c = probeCounter(kept);
const re = (v: string) => [...kept.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'))].length;
for (const v of hidden) { const a = c({ kind: 'text', value: v, what: '' }); const b = re(v); if (a !== b) console.log('DIFF', v, a, b); }

await ocr.terminate();
import { readTextLayerAside } from '@woo/pdf';
const layer = await readTextLayerAside(out);
const outText = normalise(layer.pages.map((p) => p.items.map((i) => i.str).join(' ')).join('\n'));
const oc = probeCounter(outText);
for (const v of hidden) { const a = c({ kind: 'text', value: v, what: '' }); const b = oc({ kind: 'text', value: v, what: '' }); if (b > a) console.log('MORE', v, 'kept', a, 'out', b); }
console.log(kept.slice(0, 400));
console.log('OUT', outText.slice(0, 400));
