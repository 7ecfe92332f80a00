import type { ExtractedDocument, Word } from '@woo/core';
import { addDocument, createBatch, saveExtraction, transition, type Actor } from '@woo/db';
import { createDetector } from '@woo/detect';
import { probeInfra, useTestDatabase } from '@woo/testkit';
import { describe, expect, it } from 'vitest';
import { batchDossier } from '../src/handlers/dossier.js';

const infra = await probeInfra({ postgres: true });
const coordinator: Actor = { name: 'Coördinator', role: 'coordinator' };

/** One page holding `lines`, one word box per word (what extraction stores). */
function pageOf(lines: string[]): ExtractedDocument {
  const words: Word[] = lines.flatMap((line, row) => {
    let x = 50;
    return line.split(' ').map((text) => {
      const word = { text, box: { x, y: 50 + row * 20, width: text.length * 6, height: 12 }, charEdges: Array.from({ length: text.length + 1 }, (_, i) => x + i * 6) };
      x += text.length * 6 + 4;
      return word;
    });
  });
  return { pages: [{ number: 1, width: 595, height: 842, source: 'text-layer', needsOcr: false, words }] };
}

describe.skipIf(!infra.ok)('detect job: the batch is a dossier', () => {
  const { db: database } = useTestDatabase('t_dossier');

  async function readDocument(batchId: string, name: string, doc: ExtractedDocument) {
    const db = database();
    const d = await addDocument(db, { batchId, filename: name, sizeBytes: 10, accepted: { kind: 'pdf', originalKey: name } }, coordinator);
    expect(await transition(db, d.id, ['queued'], 'extracting')).toBe(true);
    expect(await saveExtraction(db, d.id, doc, 'detecting')).toBe(true);
    return d;
  }

  it('finds a bare surname that another document of the batch shows to be a name', async () => {
    const db = database();
    const detector = createDetector();
    const strong = (xs: Array<{ text: string; confidence: number }>) => xs.filter((x) => x.confidence >= 0.5).map((x) => x.text);
    let onlyThroughDossier = 0;
    for (const [first, last] of [['Marit', 'Dekker'], ['Sanne', 'Bakker'], ['Ruud', 'Visser']] as const) {
      const batch = await createBatch(db, `Woo-verzoek ${last}`, coordinator);
      await readDocument(batch.id, 'mail.pdf', pageOf([`Van: ${first} ${last} <${first[0]!.toLowerCase()}.${last.toLowerCase()}@leiden.nl>`, 'Beste collega, de planning volgt.']));
      const memo = pageOf(['Verslag', `Bel ${last} even over de zaal.`]);
      const other = await readDocument(batch.id, 'memo.pdf', memo);
      const text = `Verslag\nBel ${last} even over de zaal.`;
      const alone = strong(detector.detect(text));
      if (!alone.includes(last)) onlyThroughDossier++;
      expect(strong((await batchDossier({ db, detector }, other.id, memo)).detect(text))).toEqual([last]);
      // a document of another batch learns nothing from this one
      const unrelated = await createBatch(db, `Ander verzoek ${last}`, coordinator);
      const lone = await readDocument(unrelated.id, 'memo.pdf', memo);
      expect(strong((await batchDossier({ db, detector }, lone.id, memo)).detect(text))).toEqual(alone);
    }
    // surnames that are ordinary words ("dekker", "kok") are not names on their own
    expect(onlyThroughDossier).toBeGreaterThan(0);
  });
});
