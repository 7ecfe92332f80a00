import { addDocument, createBatch, saveConversion, type Actor } from '@woo/db';
import type { Job, JobSink, ReadFlow } from '@woo/jobs';
import { probeInfra, useTestDatabase } from '@woo/testkit';
import { describe, expect, it } from 'vitest';
import { requeueStranded } from '../src/requeue.js';

const infra = await probeInfra();
const coordinator: Actor = { name: 'Coördinator', role: 'coordinator' };

/** A queue that lost everything (Redis flushed): it has no job, and keeps the flows it is given. */
function emptyQueue(): JobSink & { flows: ReadFlow[] } {
  const flows: ReadFlow[] = [];
  return {
    flows,
    startFlow: async (flow) => void flows.push(flow),
    enqueue: async () => {},
    has: async () => false,
    detectPending: async () => false,
    forget: async () => {},
    ping: async () => true,
    close: async () => {},
  };
}

const names = (flows: readonly ReadFlow[]) => flows.flatMap((f) => f.children).map((j: Job) => `${j.name} ${'documentId' in j.data ? j.data.documentId : ''}`);

describe.skipIf(!infra.ok)('reconciliation after Redis lost its jobs', () => {
  const { db } = useTestDatabase('t_requeue_convert');

  it('gives an unconverted e-mail its convert job, and each converted document of its family its extract job', async () => {
    const batch = await createBatch(db(), 'post', coordinator);
    const mail = await addDocument(db(), { batchId: batch.id, filename: 'bericht.eml', sizeBytes: 10, accepted: { kind: 'eml', originalKey: 'bron' } }, coordinator);
    const pdf = await addDocument(db(), { batchId: batch.id, filename: 'brief.pdf', sizeBytes: 10, accepted: { kind: 'pdf', originalKey: 'brief' } }, coordinator);
    const before = emptyQueue();
    await requeueStranded(db(), before);
    expect(names(before.flows).sort()).toEqual([`convert ${mail.id}`, `extract ${pdf.id}`].sort());

    await saveConversion(db(), mail.id, [
      { filename: 'bericht.eml', kind: 'eml', sizeBytes: 10, sourceKey: 'bron', working: { key: 'pdf', isPdf: true }, familyPosition: 0, unhidden: [] },
      { filename: 'bericht.eml › a.pdf', kind: 'pdf', sizeBytes: 5, sourceKey: 'a', working: { key: 'a', isPdf: true }, familyPosition: 1, parentPosition: 0, unhidden: [] },
    ]);
    const attachment = (await db().query<{ id: string }>('SELECT id FROM documents WHERE family_position = 1 AND family_id = $1', [mail.id])).rows[0]!.id;
    const after = emptyQueue();
    await requeueStranded(db(), after);
    expect(names(after.flows).sort()).toEqual([`extract ${mail.id}`, `extract ${pdf.id}`, `extract ${attachment}`].sort());
  });
});
