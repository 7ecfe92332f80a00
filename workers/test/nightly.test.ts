import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nightlyCommand, type NightlyOptions } from '@woo/cli';
import { createApiToken } from '@woo/db';
import { buildServer, loadServiceConfig, openServiceContext, type ServiceContext } from '@woo/http';
import { intakeApp } from '@woo/intake';
import { reviewApp } from '@woo/review';
import { pdftotext, textPdf } from '@woo/testkit';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eml } from '../../fixtures/mail-office/mime.js';
import { inProcessJobs } from '../src/in-process.js';

/* `woo-redact nightly` against a real service (intake and review in one process, PGlite, the
 * in-process jobs of the demo), listening on a real port. */

describe('woo-redact nightly: the nightly recipe through the API', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'woo-nightly-'));
  const inbox = path.join(work, 'inbox');
  const out = path.join(work, 'uit');
  let app: FastifyInstance;
  let context: ServiceContext;
  let options: NightlyOptions;

  beforeAll(async () => {
    const env = { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(work, 'data'), BLOB_DIR: path.join(work, 'blobs'), LOG_LEVEL: 'silent' };
    const config = loadServiceConfig(env);
    context = await openServiceContext(config, env, (db, blobs) => inProcessJobs({ db, blobs, log: pino({ level: 'silent' }), env }, { exportDpi: 72 }));
    app = await buildServer({ config, context, apps: [intakeApp, reviewApp], title: 'test', logger: false });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const tokenFile = path.join(work, 'token');
    writeFileSync(tokenFile, `${await createApiToken(context.db, 'coordinator', 'nachtrun')}\n`);
    const officials = path.join(work, 'officials.txt');
    writeFileSync(officials, '# raad\nKarin Smit\n');
    mkdirSync(inbox);
    writeFileSync(path.join(inbox, 'brief.pdf'), await textPdf([['Wethouder Karin Smit schrijft aan Jan de Vries,', 'bel hem op 06-12345678.']]));
    writeFileSync(path.join(inbox, 'notitie.pdf'), await textPdf([['Jan de Vries komt dinsdag langs.']]));
    writeFileSync(path.join(inbox, 'leeg.pdf'), new Uint8Array());
    // an e-mail with an attachment: two documents of the batch from one uploaded file
    const attachment = await textPdf([['Verslag: Jan de Vries belt terug.']]);
    const mail = eml(
      {
        from: 'Jan de Vries <jan.devries@example.com>',
        to: 'Gemeente <info@gemeente.example>',
        date: new Date(Date.UTC(2024, 2, 4, 9, 30)),
        subject: 'Terugbelverzoek',
        text: 'Geachte heer, mevrouw,\n\nZie het verslag.\n',
        attachments: [{ fileName: 'verslag.pdf', contentType: 'application/pdf', bytes: attachment }],
      },
      'nacht-1',
    );
    writeFileSync(path.join(inbox, 'bericht.eml'), mail);
    options = { api: address, tokenFile, name: 'Woo-verzoek 2024/031', officials, out, pollSeconds: 1, timeoutMinutes: 5 };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await context?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('exports every readable document into a folder named after the batch, keeps the officials visible, and says which document failed', { timeout: 180_000 }, async () => {
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (stderr.push(String(chunk)), true)) as typeof process.stderr.write;
    let code: number;
    try {
      code = await nightlyCommand([inbox], options);
    } finally {
      process.stderr.write = write;
    }
    // one document could not be read: the run says so and exits 1, the others are exported
    expect(code).toBe(1);
    expect(stderr.join('')).toMatch(/NIET GELAKT: leeg\.pdf: .*leeg/);
    const folder = path.join(out, 'Woo-verzoek 2024-031', 'openbaar');
    const names = readdirSync(folder).sort();
    // published names carry the inventory number and a neutral title, never the upload's name
    expect(names).toEqual(expect.arrayContaining(['inventarislijst.csv', 'inventarislijst.xlsx']));
    const pdfs = names.filter((n) => n.endsWith('.pdf'));
    expect(pdfs).toHaveLength(4);
    for (const n of pdfs) expect(n).toMatch(/^\d{4}-document-\d+\.pdf$/);
    const texts = pdfs.map((n) => pdftotext(new Uint8Array(readFileSync(path.join(folder, n)))));
    const letter = texts.find((t) => t.includes('Karin Smit'));
    expect(letter).toBeDefined();
    for (const t of texts) expect(t).not.toContain('Vries');
    expect(letter).not.toContain('06-12345678');
    const inventory = readFileSync(path.join(folder, 'inventarislijst.csv'), 'utf8');
    expect(inventory).toMatch(/;niet verwerkt;.*leeg/);
    expect(inventory).toMatch(/;Bijlage bij \d+/);

    // a second run under the same name stops before anything is touched
    const before = statSync(path.join(folder, pdfs[0]!)).mtimeMs;
    await expect(nightlyCommand([inbox], options)).rejects.toThrow(/bestaat al/);
    expect(statSync(path.join(folder, pdfs[0]!)).mtimeMs).toBe(before);
    // without the officials list there is no run
    await expect(nightlyCommand([inbox], { ...options, name: 'ander', officials: path.join(work, 'ontbreekt.txt') })).rejects.toThrow(/ENOENT/);
  });
});
