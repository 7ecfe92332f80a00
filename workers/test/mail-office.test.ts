import { multipart, pdftotext, probeInfra, startTestStack, textPdf, waitFor, type TestStack } from '@woo/testkit';
import { createApiToken } from '@woo/db';
import { jobId, type Job } from '@woo/jobs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eml } from '../../fixtures/mail-office/mime.js';
import { docx } from '../../fixtures/mail-office/office.js';

const infra = await probeInfra();

interface DocView {
  id: string;
  number: number;
  filename: string;
  status: string;
  error?: string;
  sourceKind: string | null;
  family?: { id: string; position: number; parentDocumentId?: string };
  threadId?: string;
  unhidden?: string[];
}

const PROCESSING = ['queued', 'extracting', 'ocr', 'detecting', 'exporting'];

/* Issue 11 in the services: an e-mail with a PDF and a Word attachment, a zip with a PDF and a
 * text file, and a text file on its own go through intake, the convert queue and the read flow;
 * every file is a document (or a failed one with its Dutch reason), families and all. One
 * LibreOffice conversion (the .docx). */
describe.skipIf(!infra.ok)('services: e-mail, Office files and zips are converted, each attachment a document', () => {
  let stack: TestStack;
  let batchId: string;
  let docs: DocView[];
  const files: Record<string, Uint8Array> = {};
  const as = (role: keyof TestStack['tokens']) => ({ authorization: `Bearer ${stack.tokens[role]}` });
  const batchDocuments = async () =>
    (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}`, headers: as('reviewer') })).json<{ documents: DocView[] }>().documents;
  const byName = (name: string) => docs.find((d) => d.filename === name)!;

  beforeAll(async () => {
    stack = await startTestStack({ workers: true, env: { MAX_UPLOAD_MB: '5' } });
    const letter = await textPdf([['Brief over de vergunning', 'Contactpersoon: Pieter Bakker, telefoon 06-12345678']]);
    const report = await textPdf([['Verslag van het overleg', 'Aanwezig: Karin Smit']]);
    const word = docx({
      header: 'Gemeente Voorbeeld',
      footer: 'Opgesteld door Ahmed Yilmaz',
      paragraphs: ['Notitie over de aanvraag.', 'De aanvrager woont in de wijk.', 'Einde van de notitie.'],
      table: [['Naam', 'Rol'], ['Ahmed Yilmaz', 'aanvrager']],
      hidden: 'Verborgen opmerking over Ahmed Yilmaz',
      comment: { author: 'Karin Smit', text: 'Klopt dit?' },
      deleted: 'oude tekst',
      inserted: 'nieuwe tekst',
    });
    files['bericht.eml'] = eml(
      {
        from: 'Jan de Vries <jan.devries@example.com>',
        to: 'Gemeente <info@gemeente.example>',
        date: new Date(Date.UTC(2024, 2, 4, 9, 30)),
        subject: 'Aanvraag vergunning',
        text: 'Geachte heer, mevrouw,\n\nIn de bijlagen mijn brief en een notitie.\n\nJan de Vries',
        attachments: [
          { fileName: 'brief.pdf', contentType: 'application/pdf', bytes: letter },
          { fileName: 'notitie.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: word },
        ],
      },
      'svc-1',
    );
    files['stukken.zip'] = zipSync({ 'verslag.pdf': report, 'lees-mij.txt': new TextEncoder().encode('Gewone tekst, geen document.') }, { mtime: new Date(1980, 0, 1) });
    files['memo.txt'] = new TextEncoder().encode('Een tekstbestand.');
    files['kapot.docx'] = new TextEncoder().encode('PK\u0003\u0004word/document.xml');
    files['notitie.docx'] = word;
    const batch = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: as('coordinator'), payload: { name: 'Woo-verzoek e-mail' } });
    batchId = batch.json<{ id: string }>().id;
    const body = multipart(['bericht.eml', 'stukken.zip', 'memo.txt', 'kapot.docx'].map((name) => ({ name, bytes: files[name]! })));
    const upload = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/documents`, headers: { ...as('coordinator'), ...body.headers }, payload: body.payload });
    expect(upload.statusCode).toBe(202);
    expect(upload.json<DocView[]>().map((d) => [d.filename, d.status, d.sourceKind])).toEqual([
      ['bericht.eml', 'queued', 'eml'],
      ['stukken.zip', 'queued', 'zip'],
      ['memo.txt', 'failed', null],
      ['kapot.docx', 'queued', 'office'],
    ]);
    docs = await waitFor(batchDocuments, (all) => all.length === 7 && all.every((d) => !PROCESSING.includes(d.status)), 120_000);
  }, 180_000);
  afterAll(() => stack?.close());

  it('accounts for every file: the message, each attachment and each archive member is a document; what cannot be read fails alone in Dutch', () => {
    expect(docs.map((d) => [d.filename, d.status, d.sourceKind]).sort()).toEqual(
      [
        ['bericht.eml', 'in_review', 'eml'],
        ['bericht.eml › brief.pdf', 'in_review', 'pdf'],
        ['bericht.eml › notitie.docx', 'in_review', 'office'],
        // a zip is no document of its own: its first member takes its place, its source stays the zip
        ['stukken.zip › lees-mij.txt', 'failed', 'zip'],
        ['stukken.zip › verslag.pdf', 'in_review', 'pdf'],
        ['memo.txt', 'failed', null],
        ['kapot.docx', 'failed', 'office'],
      ].sort(),
    );
    expect(byName('kapot.docx').error).toMatch(/^Dit Office-bestand is beschadigd/);
    expect(byName('memo.txt').error).toContain('Dit bestandstype (.txt) wordt niet ondersteund');
    expect(byName('stukken.zip › lees-mij.txt').error).toContain('Dit bestandstype (.txt) wordt niet ondersteund');
  });

  it('links attachments to their message and archive members to their archive', () => {
    const message = byName('bericht.eml');
    const archive = byName('stukken.zip › lees-mij.txt');
    expect(message.family).toEqual({ id: message.id, position: 0 });
    expect(byName('bericht.eml › brief.pdf').family).toEqual({ id: message.id, position: 1, parentDocumentId: message.id });
    expect(byName('bericht.eml › notitie.docx').family).toEqual({ id: message.id, position: 2, parentDocumentId: message.id });
    expect(archive.family).toEqual({ id: archive.id, position: 0 });
    expect(byName('stukken.zip › verslag.pdf').family).toEqual({ id: archive.id, position: 1 });
    // one mail thread for the message and its attachments, a hash of the root Message-ID
    expect(message.threadId).toMatch(/^[0-9a-f]{12}$/);
    expect(byName('bericht.eml › brief.pdf').threadId).toBe(message.threadId);
    expect(byName('bericht.eml › notitie.docx').threadId).toBe(message.threadId);
    expect(byName('stukken.zip › verslag.pdf').threadId).toBeUndefined();
    // what the author hid in the Word file is shown in its PDF, and said
    expect(byName('bericht.eml › notitie.docx').unhidden?.length).toBeGreaterThan(0);
  });

  it('lists the families in the inventory: Familie-ID, and "Bijlage bij N" with N the number of the message', async () => {
    const csv = (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}/inventory.csv`, headers: as('coordinator') })).body;
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(';'));
    const column = (name: string) => header!.indexOf(name);
    const row = (d: DocView) => rows.find((r) => r[column('Nr.')] === String(d.number))!;
    expect(rows).toHaveLength(7);
    const message = byName('bericht.eml');
    for (const name of ['bericht.eml › brief.pdf', 'bericht.eml › notitie.docx']) {
      expect(row(byName(name))[column('Familie-ID')]).toBe(message.id);
      expect(row(byName(name))[column('Opmerking')]).toMatch(new RegExp(`^Bijlage bij ${message.number}\\b`));
    }
    expect(row(message)[column('Familie-ID')]).toBe(message.id);
    expect(row(byName('bericht.eml › notitie.docx'))[column('Thread-ID')]).toBe(message.threadId);
    // the day the message was sent, for the message and its attachments; an archive has no date
    expect([message, byName('bericht.eml › brief.pdf')].map((d) => row(d)[column('Datum')])).toEqual(['2024-03-04', '2024-03-04']);
    expect(row(byName('stukken.zip › verslag.pdf'))[column('Datum')]).toBe('');
    expect(csv).not.toContain('svc-1@example.invalid');
    expect(row(byName('stukken.zip › verslag.pdf'))[column('Opmerking')]).not.toContain('Bijlage bij');
    expect(row(byName('memo.txt'))[column('Verwerkingsstatus')]).toBe('niet verwerkt');
    // the public list never names a file
    expect(csv).not.toContain('bericht.eml');
    expect(csv).not.toContain('notitie');
  });

  it('gives coordinators and reviewers the source file as received, and reads the converted PDF', async () => {
    const attachment = byName('bericht.eml › notitie.docx');
    const source = await stack.app.inject({ method: 'GET', url: `/v1/documents/${attachment.id}/source`, headers: as('reviewer') });
    expect(source.statusCode).toBe(200);
    expect(Buffer.compare(source.rawPayload, Buffer.from(files['notitie.docx']!))).toBe(0);
    expect(source.headers['content-disposition']).toBe(`attachment; filename="notitie.docx"; filename*=UTF-8''notitie.docx`);
    const message = await stack.app.inject({ method: 'GET', url: `/v1/documents/${byName('bericht.eml').id}/source`, headers: as('coordinator') });
    expect(Buffer.compare(message.rawPayload, Buffer.from(files['bericht.eml']!))).toBe(0);
    const archive = await stack.app.inject({ method: 'GET', url: `/v1/documents/${byName('stukken.zip › lees-mij.txt').id}/source`, headers: as('coordinator') });
    expect(Buffer.compare(archive.rawPayload, Buffer.from(files['stukken.zip']!))).toBe(0);
    expect(archive.headers['content-disposition']).toContain('filename="stukken.zip"');
    // another team's reviewer learns nothing, not even that the document exists
    const outsider = await createApiToken(stack.context.db, 'reviewer', 'Jurist ander team', { teams: ['ander-team'] });
    expect((await stack.app.inject({ method: 'GET', url: `/v1/documents/${attachment.id}/source`, headers: { authorization: `Bearer ${outsider}` } })).statusCode).toBe(404);
    // a PDF attachment is read as it is: its source and its working original are one stored file
    const pdf = await stack.context.db.query<{ source_key: string; original_key: string }>('SELECT source_key, original_key FROM documents WHERE id = $1', [byName('bericht.eml › brief.pdf').id]);
    expect(pdf.rows[0]!.original_key).toBe(pdf.rows[0]!.source_key);
    const working = await stack.app.inject({ method: 'GET', url: `/v1/documents/${attachment.id}/original.pdf`, headers: as('reviewer') });
    const text = pdftotext(new Uint8Array(working.rawPayload));
    expect(text).toContain('Notitie over de aanvraag');
    // hidden in the Word file, visible in the PDF that is read and reviewed
    expect(text.replace(/\s+/g, ' ')).toContain('Verborgen opmerking over Ahmed Yilmaz');
  });

  it('creates no attachment twice when the convert job runs again', async () => {
    const job: Job = { name: 'convert', data: { documentId: byName('bericht.eml').id } };
    const queue = stack.context.jobs.queues.convert;
    expect(await (await queue.getJob(jobId(job)))?.getState()).toBe('completed');
    await stack.context.jobs.forget([job]);
    await stack.context.jobs.enqueue(job);
    await waitFor(async () => (await queue.getJob(jobId(job)))?.getState(), (state) => state === 'completed' || state === 'failed', 60_000);
    expect(await (await queue.getJob(jobId(job)))?.getState()).toBe('completed');
    const after = await batchDocuments();
    expect(after.map((d) => [d.id, d.filename, d.status])).toEqual(docs.map((d) => [d.id, d.filename, d.status]));
  });

  it('converts a failed upload again from its source on retry', async () => {
    const broken = byName('kapot.docx');
    const retry = await stack.app.inject({ method: 'POST', url: `/v1/documents/${broken.id}/retry`, headers: as('coordinator') });
    expect(retry.json()).toEqual({ id: broken.id, status: 'queued' });
    const again = await waitFor(batchDocuments, (all) => all.find((d) => d.id === broken.id)?.status === 'failed', 60_000);
    expect(again.find((d) => d.id === broken.id)?.error).toBe(broken.error);
    expect(again).toHaveLength(7);
  });
});
