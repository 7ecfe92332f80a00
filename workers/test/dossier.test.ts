import type { ExtractedDocument, Word } from '@woo/core';
import { addDocument, createBatch, getDocument, listRedactions, loadBatchKnowledge, saveExtraction, transition, type Actor, type Database } from '@woo/db';
import { createDetector } from '@woo/detect';
import { probeInfra, useTestDatabase } from '@woo/testkit';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { detectJob } from '../src/handlers/detect.js';

const infra = await probeInfra({ postgres: true });
const coordinator: Actor = { name: 'Coördinator', role: 'coordinator' };
const log = pino({ level: 'silent' });

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

describe.skipIf(!infra.ok)('detect job: the batch is one dossier, learned once', () => {
  const { db: database } = useTestDatabase('t_dossier');
  const detector = createDetector();
  const strong = async (db: Database, id: string) => (await listRedactions(db, id)).filter((r) => r.confidence >= 0.5).map((r) => r.text);

  /** A document of the batch whose words are stored (read), awaiting detection. */
  async function readDocument(batchId: string, name: string, lines: string[]) {
    const db = database();
    const d = await addDocument(db, { batchId, filename: name, sizeBytes: 10, accepted: { kind: 'pdf', originalKey: name } }, coordinator);
    expect(await transition(db, d.id, ['queued'], 'extracting')).toBe(true);
    expect(await saveExtraction(db, d.id, pageOf(lines), 'detecting')).toBe(true);
    return d;
  }

  it('finds a bare surname that another document of the batch shows to be a name', async () => {
    const db = database();
    let onlyThroughDossier = 0;
    for (const [first, last] of [['Marit', 'Dekker'], ['Sanne', 'Bakker'], ['Ruud', 'Visser']] as const) {
      const memo = ['Verslag', `Bel ${last} even over de zaal.`];
      const alone = detector.detect(memo.join('\n')).filter((d) => d.confidence >= 0.5).map((d) => d.text);
      if (!alone.includes(last)) onlyThroughDossier++;

      const batch = await createBatch(db, `Woo-verzoek ${last}`, coordinator);
      await readDocument(batch.id, 'mail.pdf', [`Van: ${first} ${last} <${first[0]!.toLowerCase()}.${last.toLowerCase()}@leiden.nl>`, 'Beste collega, de planning volgt.']);
      const other = await readDocument(batch.id, 'memo.pdf', memo);
      await detectJob({ batchId: batch.id, round: other.id }, { db, detector: async () => detector, log });
      expect(await strong(db, other.id)).toEqual([last]);

      // a document of another batch learns nothing from this one
      const unrelated = await createBatch(db, `Ander verzoek ${last}`, coordinator);
      const lone = await readDocument(unrelated.id, 'memo.pdf', memo);
      await detectJob({ batchId: unrelated.id, round: lone.id }, { db, detector: async () => detector, log });
      expect(await strong(db, lone.id)).toEqual(alone);
    }
    // surnames that are ordinary words ("dekker", "kok") are not names on their own
    expect(onlyThroughDossier).toBeGreaterThan(0);
  });

  it('keeps what it learned: a later upload uses it without reading the earlier documents again', async () => {
    const db = database();
    const batch = await createBatch(db, 'Woo-verzoek later', coordinator);
    const mail = await readDocument(batch.id, 'mail.pdf', ['Van: Marit Dekker <m.dekker@leiden.nl>', 'De planning volgt.']);
    await detectJob({ batchId: batch.id, round: mail.id }, { db, detector: async () => detector, log });
    expect((await loadBatchKnowledge(db, batch.id)).map((k) => k.documentId)).toEqual([mail.id]);

    // the earlier document's words are gone: whatever the batch knows of it must come from batch_knowledge
    await db.query('DELETE FROM pages WHERE document_id = $1', [mail.id]);
    const memo = await readDocument(batch.id, 'memo.pdf', ['Verslag', 'Bel Dekker even over de zaal.']);
    await detectJob({ batchId: batch.id, round: memo.id }, { db, detector: async () => detector, log });
    expect(await strong(db, memo.id)).toEqual(['Dekker']);
    expect((await loadBatchKnowledge(db, batch.id)).map((k) => k.documentId)).toEqual([mail.id, memo.id]);
  });

  it("keeps the batch's own officials visible, as the CLI's --officials does", async () => {
    const db = database();
    const letter = ['Beste Karin Smit,', 'Bel Jan de Vries over de zaal.'];
    const texts = async (officials: string[]) => {
      const batch = await createBatch(db, 'Woo-verzoek raad', coordinator, undefined, officials);
      const d = await readDocument(batch.id, 'brief.pdf', letter);
      await detectJob({ batchId: batch.id, round: d.id }, { db, detector: async (officials = []) => createDetector({ officials: [...officials] }), log });
      return (await listRedactions(db, d.id)).map((r) => r.text);
    };
    expect(await texts([])).toEqual(expect.arrayContaining(['Karin Smit', 'Jan de Vries']));
    const withOfficials = await texts(['Karin Smit']);
    expect(withOfficials).toContain('Jan de Vries');
    expect(withOfficials.join(' ')).not.toContain('Smit');
  });

  it('waits while a document of the batch is still being read', async () => {
    const db = database();
    const batch = await createBatch(db, 'Woo-verzoek bezig', coordinator);
    const read = await readDocument(batch.id, 'brief.pdf', ['Beste Marit Dekker,', 'tot morgen.']);
    await addDocument(db, { batchId: batch.id, filename: 'scan.pdf', sizeBytes: 10, accepted: { kind: 'pdf', originalKey: 'scan' } }, coordinator);
    await detectJob({ batchId: batch.id, round: read.id }, { db, detector: async () => detector, log });
    expect((await getDocument(db, read.id))!.status).toBe('detecting');
    expect(await loadBatchKnowledge(db, batch.id)).toEqual([]);
  });
});
