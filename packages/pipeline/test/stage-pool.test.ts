import { DocumentError } from '@woo/core';
import { manyPagesPdf, pixelBombPng, textPdf } from '@woo/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { StagePool } from '../src/index.js';

function documentError(err: unknown): DocumentError {
  expect(err).toBeInstanceOf(DocumentError);
  return err as DocumentError;
}

describe('heavy stages in a child process with a memory cap', () => {
  // a limit on pixels far above the cap, so only the cap can stop the decoding
  const pool = new StagePool({ size: 1, memoryMb: 800, env: { ...process.env, MAX_IMAGE_PIXELS: '1000000000' } });
  afterAll(() => pool.close());

  it('runs stages in a child and brings back their Dutch errors', async () => {
    const doc = await pool.stages.extract(await textPdf([['Jan Jansen woont hier.']]));
    expect(doc.pages[0]!.words.map((w) => w.text)).toContain('Jansen');
    const err = documentError(await pool.stages.extract(manyPagesPdf()).catch((e: unknown) => e));
    expect(err.code).toBe('too-many-pages');
  });

  it('kills a child over its memory, fails that document alone and goes on with a fresh child', async () => {
    const parentBefore = process.memoryUsage().rss;
    const [child] = pool.pids();
    // 16000 x 16000 pixels: 1 GB once decoded, 2 GB once drawn (a child starts at about 450 MB)
    const err = documentError(await pool.stages.toPdf(pixelBombPng(16_000)).catch((e: unknown) => e));
    expect(err.code).toBe('out-of-memory');
    expect(err.message).toMatch(/meer dan de toegestane 800 MB geheugen \(STAGE_MEMORY_MB\)/);
    expect(process.memoryUsage().rss - parentBefore).toBeLessThan(100 * 2 ** 20);
    const doc = await pool.stages.extract(await textPdf([['Nog een document.']]));
    expect(doc.pages).toHaveLength(1);
    expect(pool.pids()).not.toContain(child);
  });
});
