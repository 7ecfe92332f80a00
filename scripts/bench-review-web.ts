/** `npm run bench:review-web`: how fast the review app is in Chromium against the real service
 * (PostgreSQL and Redis as for the service tests): opening a 100-page document until its first
 * page shows with boxes, one key press until the decision is shown and until the server has saved
 * it, a search across the batch, and one "Overal lakken" of a name with 500 occurrences across a
 * batch. A measurement, not a test. */
import { launchChromium, logIn, multipart, probeInfra, startTestStack, textPdf, waitFor } from '@woo/testkit/scripts';
import { printRows } from './bench-util.js';

const PAGES = 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!(await probeInfra()).ok) process.exit(1);
const stack = await startTestStack({ workers: true, env: { MAX_UPLOAD_MB: '50' } });
const browser = await launchChromium();
try {
  const url = await stack.app.listen({ port: 0, host: '127.0.0.1' });
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const batch = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: as(stack.tokens.coordinator), payload: { name: 'Benchmark' } });
  const batchId = batch.json<{ id: string }>().id;
  // 100 pages, each naming Jan de Vries (10 times in two documents: 500 in all, 250 in each) and
  // Karin Smit once, so every page has boxes
  const page = (n: number) => [`Verslag ${n}: Karin Smit belde over het dossier.`, ...Array.from({ length: 5 }, () => 'Overleg met Jan de Vries over de aanvraag.')];
  const pdf = await textPdf(Array.from({ length: PAGES }, (_, i) => page(i + 1)));
  const half = await textPdf(Array.from({ length: PAGES / 2 }, (_, i) => page(i + 1)));
  const body = multipart([{ name: 'honderd.pdf', bytes: pdf }, { name: 'vijftig.pdf', bytes: half }]);
  const uploaded = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/documents`, headers: { ...as(stack.tokens.coordinator), ...body.headers }, payload: body.payload });
  if (uploaded.statusCode !== 202) throw new Error(`upload: ${uploaded.statusCode} ${uploaded.body}`);
  const [doc] = uploaded.json<Array<{ id: string }>>();
  await waitFor(
    async () => (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}`, headers: as(stack.tokens.reviewer) })).json<{ documents: Array<{ status: string }> }>().documents,
    (docs) => docs.every((d) => d.status === 'in_review'),
    600_000,
    1000,
  );
  const counted = (await stack.app.inject({ method: 'GET', url: `/v1/batches`, headers: as(stack.tokens.reviewer) })).json<Array<{ openSuggestions: number }>>()[0]!;

  const tab = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await logIn(tab, url, stack.tokens.reviewer);
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    await tab.goto(`${url}#/`);
    await tab.getByRole('heading', { name: 'Batches' }).waitFor();
    const t = performance.now();
    await tab.goto(`${url}#/documents/${doc!.id}`);
    await tab.locator('.box').first().waitFor();
    opens.push(performance.now() - t);
  }

  const shown: number[] = [];
  const saved: number[] = [];
  await tab.getByLabel('Status').selectOption('suggested');
  await tab.getByLabel('Persoon of tekst').fill('Karin');
  await tab.locator('body').click({ position: { x: 5, y: 5 } });
  // timed inside the page: from the key's event to the first frame painted after the list
  // changed, and to the moment the app reports everything saved (Playwright's own round trips
  // left out)
  // (a string: this script is type-checked without the DOM library)
  await tab.evaluate(`{
    const w = window;
    addEventListener('keydown', (e) => { if (e.key === 'a') { w.keyAt = performance.now(); w.shownAt = 0; w.savedAt = 0; } }, { capture: true });
    new MutationObserver(() => { if (!w.shownAt) requestAnimationFrame(() => { w.shownAt ||= performance.now(); }); })
      .observe(document.querySelector('.review__list'), { childList: true, subtree: true });
    new MutationObserver(() => { if (document.querySelector('.saving').getAttribute('data-saving') === '0' && w.keyAt && !w.savedAt) w.savedAt = performance.now(); })
      .observe(document.querySelector('.saving'), { attributes: true });
  }`);
  for (let i = 0; i < 15; i++) {
    const before = await tab.locator('.suggestion').count();
    await tab.keyboard.press('j');
    await tab.keyboard.press('a');
    await tab.locator('.suggestion').nth(before - 1).waitFor({ state: 'detached' });
    await tab.locator('.saving[data-saving="0"]').waitFor();
    const t = await tab.evaluate<{ keyAt: number; shownAt: number; savedAt: number }>('({ keyAt, shownAt, savedAt })');
    shown.push(t.shownAt - t.keyAt);
    saved.push(t.savedAt - t.keyAt);
  }

  // "/" across the batch: 150 pages, a hit on each
  await tab.keyboard.press('/');
  await tab.getByLabel('Woord of woordgroep').fill('Karin');
  const s0 = performance.now();
  await tab.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await tab.getByText(/treffers voor 'Karin'/).waitFor({ timeout: 60_000 });
  const searched = performance.now() - s0;
  await tab.keyboard.press('Escape');

  await tab.getByLabel('Persoon of tekst').fill('Jan de Vries');
  await tab.getByRole('button', { name: 'Overal lakken: Jan de Vries' }).first().click();
  const confirm = tab.getByRole('button', { name: /In de hele batch/ });
  const occurrences = Number((await confirm.textContent())!.replace(/\D/g, ''));
  const t = performance.now();
  await confirm.click();
  await tab.getByRole('status').filter({ hasText: 'gelakt in 2 documenten' }).waitFor({ timeout: 60_000 });
  const sweep = performance.now() - t;

  printRows(`Review app in Chromium (${PAGES}-page document, ${counted.openSuggestions} suggestions in the batch)`, [
    { what: 'open document → first page with boxes (median of 5)', value: median(opens), unit: 'ms' },
    { what: 'key A → decision shown (median of 15)', value: median(shown), unit: 'ms' },
    { what: 'key A → decision saved by the server (median of 15)', value: median(saved), unit: 'ms' },
    { what: `search "Karin" across the batch (${PAGES * 1.5} pages) → hits listed`, value: searched, unit: 'ms' },
    { what: `"Overal lakken" of ${occurrences} occurrences in 2 documents`, value: sweep, unit: 'ms' },
  ]);
} finally {
  await browser.close();
  await stack.close();
}
