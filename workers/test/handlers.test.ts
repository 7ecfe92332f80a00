import { JOB_NAMES, jobId } from '@woo/jobs';
import { describe, expect, it } from 'vitest';
import { assertEveryJobHasHandler, HANDLERS } from '../src/handlers/index.js';

describe('job handlers', () => {
  it('has a handler for every job name, and the boot check notices a missing one', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...JOB_NAMES].sort());
    expect(() => assertEveryJobHasHandler()).not.toThrow();
    const { ocr: _ocr, ...withoutOcr } = HANDLERS;
    expect(() => assertEveryJobHasHandler(withoutOcr)).toThrow(/no handler for job\(s\): ocr/);
  });

  it('gives the same work the same job id, which BullMQ accepts', () => {
    const id = 'b7d1c7a2-3f5e-4c1e-9a55-0d6f1f0f7c11';
    expect(jobId('extract', { documentId: id })).toBe(`${id}.extract`);
    expect(jobId('ocr', { documentId: id, page: 3 })).toBe(`${id}.ocr.3`);
    expect(jobId('export', { documentId: id, revision: 2 })).toBe(`${id}.export.2`);
    for (const name of JOB_NAMES) expect(jobId(name, { documentId: id, page: 1, revision: 1 })).not.toContain(':');
  });
});
