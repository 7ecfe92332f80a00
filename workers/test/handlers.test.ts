import { JOB_NAMES, jobId, type Job } from '@woo/jobs';
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
    const jobs: Job[] = [
      { name: 'convert', data: { documentId: id } },
      { name: 'extract', data: { documentId: id } },
      { name: 'ocr', data: { documentId: id, page: 3 } },
      { name: 'detect', data: { batchId: id, round: id } },
      { name: 'export', data: { documentId: id, revision: 2 } },
    ];
    expect(jobs.map(jobId)).toEqual([`${id}.convert`, `${id}.extract`, `${id}.ocr.3`, `${id}.detect.${id}`, `${id}.export.2`]);
    expect(jobs.map((j) => j.name).sort()).toEqual([...JOB_NAMES].sort());
    for (const job of jobs) expect(jobId(job)).not.toContain(':');
  });
});
