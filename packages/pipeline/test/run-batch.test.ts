import { describe, expect, it } from 'vitest';
import { DocumentError } from '@woo/core';
import type { DocumentOutcome } from '../src/process-document.js';
import { runBatch } from '../src/run-batch.js';

const item = (name: string, delayMs: number) => ({ name, delayMs });

describe('runBatch', () => {
  it('keeps at most `concurrency` documents in flight, reports each as it finishes, returns input order', async () => {
    const items = [item('a', 30), item('b', 5), item('c', 20), item('d', 1), item('e', 10)];
    let inFlight = 0;
    let maxInFlight = 0;
    const finished: string[] = [];
    const outcomes = await runBatch(
      items,
      2,
      async (it): Promise<DocumentOutcome> => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, it.delayMs));
        inFlight--;
        return it.name === 'c'
          ? { ok: false, pages: 0, error: new DocumentError('corrupt', 'kapot') }
          : { ok: true, pages: it.delayMs, ocrPages: [], findings: [], redactions: [], pdf: new Uint8Array(), pageMethods: [] };
      },
      (it) => {
        finished.push(it.name);
      },
    );
    expect(maxInFlight).toBe(2);
    expect(finished.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(outcomes.map((o) => o.pages)).toEqual([30, 5, 0, 1, 10]);
    expect(outcomes[2]!.ok).toBe(false);
  });
});
