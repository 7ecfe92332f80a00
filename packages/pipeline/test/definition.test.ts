import { describe, expect, it } from 'vitest';
import { JOB_NAMES, jobId, next, readFlow, retryFlow, type Job } from '../src/definition.js';

const batchId = '6b0f3f8e-2c55-4d0a-9a51-6f1f4b0a1c01';
const [a, b] = ['0f5e4c5e-1111-4c1e-9a55-0d6f1f0f7c11', '0f5e4c5e-2222-4c1e-9a55-0d6f1f0f7c11'];

describe('the pipeline definition', () => {
  it("reads an upload as one flow: the batch's detect job is the parent of the documents' read jobs", () => {
    expect(readFlow(batchId, [a, b])).toEqual({
      parent: { name: 'detect', data: { batchId, round: a } },
      children: [
        { name: 'extract', data: { documentId: a } },
        { name: 'extract', data: { documentId: b } },
      ],
    });
    expect(() => readFlow(batchId, [])).toThrow();
  });

  it('starts an e-mail, Office file or zip with its conversion, in the same flow', () => {
    expect(readFlow(batchId, [a, b], new Set([b])).children).toEqual([
      { name: 'extract', data: { documentId: a } },
      { name: 'convert', data: { documentId: b } },
    ]);
  });

  it('decides the follow-ups in one place: reading each converted document, OCR per page after extraction, nothing after the others', () => {
    expect(next({ name: 'convert', data: { documentId: a }, outcome: { readable: [a, b] } })).toEqual([
      { name: 'extract', data: { documentId: a } },
      { name: 'extract', data: { documentId: b } },
    ]);
    expect(next({ name: 'convert', data: { documentId: a }, outcome: { readable: [] } })).toEqual([]);
    expect(next({ name: 'extract', data: { documentId: a }, outcome: { ocrPages: [2, 5] } })).toEqual([
      { name: 'ocr', data: { documentId: a, page: 2 } },
      { name: 'ocr', data: { documentId: a, page: 5 } },
    ]);
    expect(next({ name: 'extract', data: { documentId: a }, outcome: { ocrPages: [] } })).toEqual([]);
    expect(next({ name: 'ocr', data: { documentId: a, page: 2 }, outcome: {} })).toEqual([]);
    expect(next({ name: 'detect', data: { batchId, round: a }, outcome: {} })).toEqual([]);
    expect(next({ name: 'export', data: { documentId: a, revision: 1 }, outcome: {} })).toEqual([]);
  });

  it('starts a retried document where it failed, in a flow of its own', () => {
    expect(retryFlow(batchId, b, 'ocr', [3]).children).toEqual([{ name: 'ocr', data: { documentId: b, page: 3 } }]);
    expect(retryFlow(batchId, b, 'extract').children).toEqual([{ name: 'extract', data: { documentId: b } }]);
    expect(retryFlow(batchId, b, 'convert').children).toEqual([{ name: 'convert', data: { documentId: b } }]);
    expect(retryFlow(batchId, b, 'detect')).toEqual({ parent: { name: 'detect', data: { batchId, round: b } }, children: [] });
  });

  it('gives every job a deterministic id BullMQ accepts', () => {
    const jobs: Job[] = [...readFlow(batchId, [a, b], new Set([b])).children, readFlow(batchId, [a]).parent, { name: 'ocr', data: { documentId: a, page: 1 } }, { name: 'export', data: { documentId: a, revision: 3 } }];
    expect(new Set(jobs.map((j) => j.name))).toEqual(new Set(JOB_NAMES));
    expect(new Set(jobs.map(jobId)).size).toBe(jobs.length);
    for (const j of jobs) expect(jobId(j)).not.toContain(':');
  });
});
