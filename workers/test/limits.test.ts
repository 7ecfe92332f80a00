import { hugeImagePdf, manyPagesPdf, multipart, pixelBombPng, probeInfra, startTestStack, textPdf, waitFor, watchPeakRss, type TestStack } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();
const PROCESSING = ['queued', 'extracting', 'ocr', 'detecting', 'exporting'];
const CAP_MB = 1200;

describe.skipIf(!infra.ok)('memory bombs fail alone while the service stays responsive', () => {
  let stack: TestStack;
  const auth = () => ({ authorization: `Bearer ${stack.tokens.coordinator}` });

  beforeAll(async () => {
    stack = await startTestStack({ workers: true, env: { STAGE_MEMORY_MB: String(CAP_MB) } });
  });
  afterAll(() => stack?.close());

  it('fails a pixel bomb PNG, a PDF with one huge image and a 10,000-page PDF with Dutch messages; the letter is processed', async () => {
    const batch = (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(), payload: { name: 'bommen' } })).json<{ id: string }>();
    const body = multipart([
      { name: 'bom.png', bytes: pixelBombPng(30_000) },
      { name: 'groot-beeld.pdf', bytes: await hugeImagePdf(30_000) },
      { name: 'tienduizend.pdf', bytes: manyPagesPdf() },
      { name: 'brief.pdf', bytes: await textPdf([['Geachte heer Jan de Vries,', 'bel 06-12345678.']]) },
    ]);
    const peak = watchPeakRss(process.pid);
    expect((await stack.app.inject({ method: 'POST', url: `/v1/batches/${batch.id}/documents`, headers: { ...auth(), ...body.headers }, payload: body.payload })).statusCode).toBe(202);
    const slowest = { ms: 0 };
    const docs = await waitFor(
      async () => {
        const started = Date.now();
        expect((await stack.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
        slowest.ms = Math.max(slowest.ms, Date.now() - started);
        return (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batch.id}`, headers: auth() })).json<{ documents: Array<{ filename: string; status: string; error?: string }> }>().documents;
      },
      (all) => all.every((d) => !PROCESSING.includes(d.status)),
      120_000,
    );
    const peakMb = peak.stop();
    const byName = Object.fromEntries(docs.map((d) => [d.filename, d]));
    expect(byName['bom.png']).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Deze PNG-afbeelding is 30\.000 bij 30\.000 beeldpunten/) });
    expect(byName['groot-beeld.pdf']).toMatchObject({ status: 'failed', error: expect.stringContaining('afbeelding van 30.000 bij 30.000 beeldpunten') });
    expect(byName['tienduizend.pdf']).toMatchObject({ status: 'failed', error: expect.stringContaining("10.000 pagina's, meer dan de toegestane 2.000") });
    expect(byName['brief.pdf']!.status).toBe('in_review');
    console.info(`memory bombs: peak ${Math.round(peakMb)} MB for the test process with API, workers and stage children; slowest /healthz ${slowest.ms} ms`);
    // API, workers, vitest and the stage children together (measured: about 850 MB)
    expect(peakMb).toBeLessThan(2000);
    expect(slowest.ms).toBeLessThan(1000);
  });
});
