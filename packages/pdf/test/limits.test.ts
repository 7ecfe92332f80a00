import { describe, expect, it } from 'vitest';
import { DocumentError } from '@woo/core';
import { hugeImagePdf, manyPagesPdf, textPdf } from '@woo/testkit';
import { extractDocument, openPdf } from '../src/index.js';

async function failure(work: Promise<unknown>): Promise<DocumentError> {
  const err: unknown = await work.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DocumentError);
  return err as DocumentError;
}

describe('document limits', () => {
  it('refuses a tiny PDF that declares 10,000 pages right after opening it', async () => {
    const bytes = manyPagesPdf();
    expect(bytes.length).toBeLessThan(1024);
    const err = await failure(openPdf(bytes));
    expect(err.code).toBe('too-many-pages');
    expect(err.message).toMatch(/10\.000 pagina's, meer dan de toegestane 2\.000 \(MAX_PAGES_PER_DOCUMENT\)/);
  });

  it('refuses a PDF holding one huge image before rendering any page', async () => {
    const bytes = await hugeImagePdf(30_000);
    expect(bytes.length).toBeLessThan(400_000);
    const before = process.memoryUsage().rss;
    const err = await failure(extractDocument(bytes));
    expect(err.code).toBe('too-many-pixels');
    expect(err.message).toMatch(/afbeelding van 30\.000 bij 30\.000 beeldpunten/);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 2 ** 20);
  });

  it('takes its limits from the environment', async () => {
    const normal = await textPdf([['een'], ['twee'], ['drie']]);
    process.env.MAX_PAGES_PER_DOCUMENT = '2';
    try {
      expect((await failure(openPdf(normal))).message).toMatch(/3 pagina's, meer dan de toegestane 2/);
    } finally {
      delete process.env.MAX_PAGES_PER_DOCUMENT;
    }
    const handle = await openPdf(normal);
    expect(handle.numPages).toBe(3);
    await handle.close();
  });
});
