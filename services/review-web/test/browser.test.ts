import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, launchChromium, logIn, multipart, pdftotext, probeInfra, startTestStack, textPdf, waitFor, type TestStack } from '@woo/testkit';
import { createApiToken } from '@woo/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../review/src/web.js';

/* The review app in Debian's Chromium against a real service (PostgreSQL, Redis, workers): what a
 * reviewer and a coordinator do with their keyboard and mouse, checked in the exported PDF. */

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'woo-review-web-screenshots');

async function browserReady(): Promise<boolean> {
  const missing = [!existsSync(CHROMIUM) && `${CHROMIUM} (apt-get install chromium)`, !existsSync(path.join(WEB_DIST, 'index.html')) && `the built app (npm run build -w @woo/review-web)`].filter(Boolean);
  if (!missing.length) return true;
  const message = `${missing.join(' and ')} missing`;
  if (process.env.CI === 'true') throw new Error(`${message}: CI must run the browser tests`);
  console.warn(`\n${'!'.repeat(78)}\n!!! SKIPPING BROWSER TESTS: ${message}\n${'!'.repeat(78)}\n`);
  return false;
}

const infra = await probeInfra();
const ready = infra.ok && (await browserReady());

interface RedactionView {
  id: string;
  text: string;
  status: string;
  ground: string;
  additionalGrounds: string[];
  boxes: Array<{ x: number; y: number; width: number; height: number }>;
}

describe.skipIf(!ready)('the review app in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let url: string;
  let batchId: string;
  const ids: Record<string, string> = {};
  const as = (role: keyof TestStack['tokens']) => ({ authorization: `Bearer ${stack.tokens[role]}` });
  const redactions = async (documentId: string) =>
    (await stack.app.inject({ method: 'GET', url: `/v1/documents/${documentId}/redactions`, headers: as('reviewer') })).json<RedactionView[]>();
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

  const login = (role: 'reviewer' | 'coordinator') => logIn(page, url, stack.tokens[role]);

  async function openLetter() {
    await page.getByRole('link', { name: 'Woo-verzoek 2026-101' }).click();
    await page.getByRole('link', { name: 'brief.pdf' }).click();
    await page.locator('.box').first().waitFor();
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await startTestStack({ workers: true });
    url = await stack.app.listen({ port: 0, host: '127.0.0.1' });
    const batch = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: as('coordinator'), payload: { name: 'Woo-verzoek 2026-101' } });
    batchId = batch.json<{ id: string }>().id;
    const body = multipart([
      {
        name: 'brief.pdf',
        bytes: await textPdf([
          [
            'Geachte heer Jan de Vries,',
            'Mail jan.devries@gmail.com of bel 06-12345678.',
            'Het gaat over de vergunning voor de schuur.',
            'Kopie aan Karin Smit en Sanne de Boer.',
            'Met vriendelijke groet, Pieter Bakker',
          ],
        ]),
      },
      { name: 'notulen.pdf', bytes: await textPdf([['Notulen van het overleg', 'Aanwezig: Jan de Vries en Karin Smit', 'De vergunning is besproken; twee vergunningen lopen nog.']]) },
    ]);
    const upload = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/documents`, headers: { ...as('coordinator'), ...body.headers }, payload: body.payload });
    for (const d of upload.json<Array<{ id: string; filename: string }>>()) ids[d.filename] = d.id;
    await waitFor(
      async () => (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}`, headers: as('reviewer') })).json<{ documents: Array<{ status: string }> }>().documents,
      (docs) => docs.every((d) => d.status === 'in_review'),
      90_000,
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (e) => console.error('browser error:', e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('refuses a wrong access code and a publisher\'s in Dutch, and logs in with a good one', async () => {
    await page.goto(url);
    await page.getByLabel('Toegangscode').fill('geen-geldige-code');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('ongeldig');
    // a publisher's code is a good one, but nothing in the app is for that role
    await page.getByLabel('Toegangscode').fill(await createApiToken(stack.context.db, 'publisher', 'Publicatie'));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('rol publicatie');
    await shot('login-publisher');
    await login('reviewer');
    expect(await page.evaluate(() => Object.keys(localStorage).length)).toBe(0);
    await shot('overview');
  });

  it('sweeps a name through the batch, rejects with the keyboard, draws a box, undoes and redoes, decides on a selection, searches the batch', async () => {
    await openLetter();
    const name = 'Jan de Vries';
    await page.getByRole('button', { name: `Overal lakken: ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Overal lakken' });
    await expect(dialog.textContent()).resolves.toMatch(/1 keer voor in dit document en 2 keer in 2 documenten/);
    await dialog.getByRole('button', { name: /In de hele batch/ }).click();
    await waitFor(() => redactions(ids['notulen.pdf']!), (rs) => rs.some((r) => r.text === name && r.status === 'accepted'), 5000);

    // the false positive: select it in the list, then R on the keyboard
    await page.locator('.suggestion', { hasText: 'Pieter Bakker' }).locator('.suggestion__text').click();
    await page.keyboard.press('r');
    await waitFor(() => redactions(ids['brief.pdf']!), (rs) => rs.find((r) => r.text === 'Pieter Bakker')?.status === 'rejected', 5000);

    // a box over "Geachte" (line 1 starts at x = 60 pt, its baseline 80 pt from the top)
    const overlay = page.getByTestId('page-overlay');
    const origin = (await overlay.boundingBox())!;
    const scale = 1.25;
    await page.mouse.move(origin.x + 57 * scale, origin.y + 68 * scale);
    await page.mouse.down();
    await page.mouse.move(origin.x + 106 * scale, origin.y + 84 * scale, { steps: 5 });
    await page.mouse.up();
    const drawn = await waitFor(() => redactions(ids['brief.pdf']!), (rs) => rs.some((r) => r.text === 'Geachte'), 5000);
    const box = drawn.find((r) => r.text === 'Geachte')!;
    expect(box.status).toBe('manual');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await waitFor(() => redactions(ids['brief.pdf']!), (rs) => rs.find((r) => r.id === box.id)?.status === 'rejected', 5000);
    await page.keyboard.press('Control+Shift+z');
    await waitFor(() => redactions(ids['brief.pdf']!), (rs) => rs.find((r) => r.id === box.id)?.status === 'accepted', 5000);
    await page.getByRole('status').filter({ hasText: 'Opnieuw gedaan' }).waitFor();

    // G: a second ground from the catalogue for the phone number; ? lists the keys
    await page.locator('.suggestion', { hasText: '06-12345678' }).locator('.suggestion__text').click();
    await page.keyboard.press('g');
    await expect(page.getByLabel('Hoofdgrond').inputValue()).resolves.toBe('5.1.2e');
    await page.getByLabel(/^5\.1\.2i: Goed functioneren van de Staat/).check();
    await page.getByRole('button', { name: 'Lakken met deze gronden' }).click();
    await waitFor(
      () => redactions(ids['brief.pdf']!),
      (rs) => rs.some((r) => r.text === '06-12345678' && r.status === 'accepted' && r.ground === '5.1.2e' && r.additionalGrounds.join() === '5.1.2i'),
      5000,
    );
    await page.locator('.suggestion', { hasText: '06-12345678' }).getByText('gronden 5.1.2e; 5.1.2i').waitFor();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Sneltoetsen' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Sneltoetsen' }).waitFor({ state: 'hidden' });

    // a selection: Karin Smit by click, Sanne de Boer by Shift+click, both rejected in one step, undone
    // in one step; then Space toggles one in by keyboard
    const names = ['Karin Smit', 'Sanne de Boer'];
    const statusOf = async (text: string) => (await redactions(ids['brief.pdf']!)).find((r) => r.text === text)?.status;
    await page.locator('.suggestion', { hasText: names[0] }).locator('.suggestion__meta').click({ modifiers: ['Control'] });
    await page.locator('.suggestion', { hasText: names[1] }).locator('.suggestion__meta').click({ modifiers: ['Shift'] });
    await page.getByRole('group', { name: 'Selectie' }).getByText('2 geselecteerd').waitFor();
    await shot('document');
    await page.getByRole('button', { name: 'Selectie niet lakken' }).click();
    await waitFor(async () => Promise.all(names.map(statusOf)), (s) => s.every((x) => x === 'rejected'), 5000);
    await page.keyboard.press('Control+z');
    await waitFor(async () => Promise.all(names.map(statusOf)), (s) => s.every((x) => x === 'suggested'), 5000);
    await page.locator('.suggestion', { hasText: names[0] }).locator('.suggestion__meta').click();
    await page.keyboard.press(' ');
    await page.getByRole('group', { name: 'Selectie' }).getByText('1 geselecteerd').waitFor();
    await expect(page.getByRole('checkbox', { name: new RegExp(`Selecteren: ${names[0]}`) }).isChecked()).resolves.toBe(true);
    await page.keyboard.press(' ');
    await page.getByRole('group', { name: 'Selectie' }).waitFor({ state: 'detached' });

    // "/": a word searched across the batch, whole words only ("vergunningen" is not a hit), every hit redacted
    await page.keyboard.press('/');
    const search = page.getByRole('dialog', { name: 'Zoeken in de batch' });
    await search.getByLabel('Woord of woordgroep').fill('Vergunning');
    await search.getByRole('button', { name: 'Zoeken' }).click();
    await expect(search.getByRole('status').textContent()).resolves.toBe("2 treffers voor 'Vergunning' in 2 documenten; 2 nog niet gelakt.");
    await shot('search');
    await search.getByRole('button', { name: 'Alle treffers lakken (2 in 2 documenten)' }).click();
    await search.waitFor({ state: 'hidden' });
    const manualIn = async (file: string) => (await redactions(ids[file]!)).filter((r) => r.status === 'manual').map((r) => r.text);
    await expect(manualIn('notulen.pdf')).resolves.toEqual(['vergunning']);
    await expect(manualIn('brief.pdf')).resolves.toContain('vergunning');
    await page.getByRole('status').filter({ hasText: "2 keer 'Vergunning' gelakt in 2 documenten" }).waitFor();

    // accessibility: every control has a name; the keyboard focus shows a ring
    const unnamed = await page.evaluate<string[]>(
      `[...document.querySelectorAll('button, input, select, textarea, a[href]')].filter((el) => !(el.getAttribute('aria-label') || el.labels?.length || el.textContent.trim())).map((el) => el.outerHTML.slice(0, 100))`,
    );
    expect(unnamed).toEqual([]);
    await page.keyboard.press('Tab');
    const ring = await page.evaluate<{ tag: string; outline: string }>(`(() => { const el = document.activeElement; const s = getComputedStyle(el); return { tag: el.tagName, outline: s.outlineStyle + ' ' + s.outlineWidth }; })()`);
    expect(ring.tag).not.toBe('BODY');
    expect(ring.outline).toBe('solid 3px');
    await page.locator('body').click({ position: { x: 5, y: 5 } });

    // the page checklist: C marks the page as checked, kept by the server
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Pagina 1: gecontroleerd' }).waitFor();
    const checks = await stack.app.inject({ method: 'GET', url: `/v1/documents/${ids['brief.pdf']}/page-checks`, headers: as('reviewer') });
    expect(checks.json()).toEqual({ checkedPages: [1] });

    // the rest of the open suggestions: filter on open, then A until none is left
    await page.getByLabel('Status').selectOption('suggested');
    for (let i = 0; i < 10 && (await redactions(ids['brief.pdf']!)).some((r) => r.status === 'suggested'); i++) {
      await page.keyboard.press('j');
      await page.keyboard.press('a');
      await page.waitForTimeout(150);
    }
    expect((await redactions(ids['brief.pdf']!)).filter((r) => r.status === 'suggested')).toEqual([]);
    await page.getByLabel('Status').selectOption('all');
    await shot('review');
  });

  it('lets the coordinator export, and the reviewer preview the redacted PDF', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await login('coordinator');
    await page.getByRole('link', { name: 'Woo-verzoek 2026-101' }).click();
    await page.getByLabel(/Sleep bestanden/).setInputFiles([
      { name: 'bijlage.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await textPdf([['Bijlage zonder namen']])) },
      { name: 'leeg.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
    ]);
    await page.getByText(/bijlage\.pdf: .*klaar/).waitFor();
    await expect(page.locator('.upload-list li', { hasText: 'leeg.pdf' }).textContent()).resolves.toMatch(/mislukt.*leeg/);
    await page.getByRole('link', { name: 'brief.pdf' }).click();
    await page.locator('.box').first().waitFor();
    await page.getByRole('button', { name: 'Document exporteren' }).click();
    // (not the status text: "wordt geëxporteerd ·" contains "geëxporteerd ·")
    await page.getByRole('button', { name: 'Gelakte PDF downloaden' }).waitFor({ timeout: 60_000 });
    // saved under the service's public name: the inventory number, never the upload's name
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Gelakte PDF downloaden' }).click();
    expect((await saved).suggestedFilename()).toMatch(/^\d{4}-document-\d+\.pdf$/);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await login('reviewer');
    await openLetter();
    await page.getByRole('button', { name: 'Gelakte versie bekijken' }).click();
    await page.getByRole('button', { name: 'Origineel met voorstellen' }).waitFor();
    await page.waitForTimeout(500);
    await shot('export-preview');

    const exported = await stack.app.inject({ method: 'GET', url: `/v1/documents/${ids['brief.pdf']}/export.pdf`, headers: as('reviewer') });
    expect(exported.statusCode).toBe(200);
    const text = pdftotext(exported.rawPayload);
    for (const gone of ['Jan de Vries', 'Geachte', 'jan.devries', '06-12345678', 'vergunning', 'Karin Smit', 'Sanne de Boer']) expect(text).not.toContain(gone);
    expect(text).toContain('Pieter Bakker');
    expect(text).toContain('5.1.2e; 5.1.2i');
  });
});
