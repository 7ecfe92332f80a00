import { encryptedPdf, multipart, pdftotext, probeInfra, scannedPagePng, scannedPdf, startTestStack, textPdf, waitFor, type TestStack } from '@woo/testkit';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { DIWOO_NAMESPACE, DIWOO_SCHEMA } from '@woo/publication';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();

interface DocView {
  id: string;
  filename: string;
  status: string;
  pages: number;
  error?: string;
}
interface RedactionView {
  id: string;
  page: number;
  text: string;
  category: string;
  status: string;
  ground: string;
  boxes: unknown[];
}

const PROCESSING = ['queued', 'extracting', 'ocr', 'detecting', 'exporting'];

describe.skipIf(!infra.ok)('end to end: upload, process, review, export', () => {
  let stack: TestStack;
  const as = (role: keyof TestStack['tokens']) => ({ authorization: `Bearer ${stack.tokens[role]}` });
  const api = async <T>(role: keyof TestStack['tokens'], method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await stack.app.inject({ method, url, headers: as(role), ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: (String(res.headers['content-type']).includes('json') ? res.json() : res.rawPayload) as T };
  };
  const batchWhenSettled = (batchId: string) =>
    waitFor(
      async () => (await api<{ documents: DocView[] }>('reviewer', 'GET', `/v1/batches/${batchId}`)).body.documents,
      (docs) => docs.every((d) => !PROCESSING.includes(d.status)),
      90_000,
    );

  beforeAll(async () => {
    stack = await startTestStack({ workers: true });
  });
  afterAll(() => stack?.close());

  it('processes good documents and gives bad uploads a Dutch error while the batch goes on', async () => {
    const letter = await textPdf([
      ['Geachte heer Jan de Vries,', 'Mail jan.devries@gmail.com of bel 06-12345678.', 'Met vriendelijke groet, Pieter Bakker'],
    ]);
    const minutes = await textPdf([['Notulen van de vergadering', 'Aanwezig: Karin Smit en Ahmed Yilmaz'], ['Actiepunt voor Karin Smit: bel 020-5551234']]);
    const files = [
      { name: 'brief.pdf', bytes: letter },
      { name: 'notulen.pdf', bytes: minutes },
      { name: 'leeg.pdf', bytes: new Uint8Array() },
      { name: 'notitie.txt', bytes: new TextEncoder().encode('Gewone tekst, geen document.') },
      { name: 'kapot.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R\n') },
      { name: 'groot.pdf', bytes: new Uint8Array(1.2 * 1024 * 1024).fill(0x41).map((b, i) => (i < 8 ? '%PDF-1.7'.charCodeAt(i) : b)) },
    ];
    const encrypted = encryptedPdf(letter);
    if (encrypted) files.push({ name: 'beveiligd.pdf', bytes: encrypted });
    else console.warn('!!! qpdf missing: the encrypted upload is left out of the end-to-end batch');

    const batch = await api<{ id: string; name: string }>('coordinator', 'POST', '/v1/batches', { name: 'Woo-verzoek 2024-031' });
    expect(batch.status).toBe(201);
    const body = multipart(files);
    const upload = await stack.app.inject({
      method: 'POST',
      url: `/v1/batches/${batch.body.id}/documents`,
      headers: { ...as('coordinator'), ...body.headers },
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(202);
    const accepted = upload.json<DocView[]>();
    expect(accepted.map((d) => [d.filename, d.status])).toEqual(
      files.map((f) => [f.name, ['leeg.pdf', 'notitie.txt', 'groot.pdf'].includes(f.name) ? 'failed' : 'queued']),
    );

    const docs = await batchWhenSettled(batch.body.id);
    const byName = Object.fromEntries(docs.map((d) => [d.filename, d]));
    expect(byName['brief.pdf']).toMatchObject({ status: 'in_review', pages: 1 });
    expect(byName['notulen.pdf']).toMatchObject({ status: 'in_review', pages: 2 });
    expect(byName['leeg.pdf']!.error).toMatch(/leeg/);
    expect(byName['notitie.txt']!.error).toMatch(/Dit bestandstype \(\.txt\) wordt niet ondersteund/);
    expect(byName['groot.pdf']!.error).toMatch(/groter dan de toegestane 1 MB/);
    expect(byName['kapot.pdf']).toMatchObject({ status: 'failed', error: expect.stringMatching(/beschadigd/) });
    if (encrypted) expect(byName['beveiligd.pdf']).toMatchObject({ status: 'failed', error: expect.stringMatching(/wachtwoord|versleuteld/) });

    // --- review of the letter: reject one name, accept the rest in one go ---
    const letterId = byName['brief.pdf']!.id;
    const suggestions = (await api<RedactionView[]>('reviewer', 'GET', `/v1/documents/${letterId}/redactions`)).body;
    const texts = suggestions.map((s) => s.text);
    expect(texts).toEqual(expect.arrayContaining(['Jan de Vries', 'jan.devries@gmail.com', '06-12345678', 'Pieter Bakker']));
    expect(suggestions.every((s) => s.status === 'suggested' && s.ground === '5.1.2e' && s.boxes.length > 0)).toBe(true);

    const signer = suggestions.find((s) => s.text === 'Pieter Bakker')!;
    const rejected = await api<RedactionView>('reviewer', 'PATCH', `/v1/redactions/${signer.id}`, { status: 'rejected' });
    expect(rejected).toMatchObject({ status: 200, body: { status: 'rejected' } });

    const tooEarly = await api<{ message: string }>('coordinator', 'POST', `/v1/documents/${letterId}/export`, {});
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.message).toMatch(new RegExp(`nog ${suggestions.length - 1} voorstellen open`));

    const bulk = await api<{ updated: number }>('reviewer', 'POST', `/v1/documents/${letterId}/redactions/bulk`, {
      match: { status: 'suggested' },
      set: { status: 'accepted' },
    });
    expect(bulk.body.updated).toBe(suggestions.length - 1);

    const started = await api<{ status: string }>('coordinator', 'POST', `/v1/documents/${letterId}/export`, { policy: 'accepted-only' });
    expect(started).toMatchObject({ status: 202, body: { status: 'exporting' } });
    await waitFor(async () => (await api<DocView>('reviewer', 'GET', `/v1/documents/${letterId}`)).body.status, (s) => s === 'exported', 60_000);

    const exported = await stack.app.inject({ method: 'GET', url: `/v1/documents/${letterId}/export.pdf`, headers: as('reviewer') });
    expect(exported.statusCode).toBe(200);
    // the public name: inventory number and neutral title, never the upload's name
    expect(exported.headers['content-disposition']).toBe('attachment; filename="0001-document-1.pdf"');
    const text = pdftotext(exported.rawPayload);
    for (const gone of ['Jan de Vries', 'jan.devries', '06-12345678']) expect(text).not.toContain(gone);
    expect(text).toContain('Pieter Bakker');
    expect(text).toContain('5.1.2e');

    // --- the minutes: a manual redaction by text and one by box, then the nightly batch export ---
    const minutesId = byName['notulen.pdf']!.id;
    const byText = await api<RedactionView[]>('reviewer', 'POST', `/v1/documents/${minutesId}/redactions`, { text: 'VERGADERING', ground: '5.1.2i' });
    expect(byText.status).toBe(201);
    expect(byText.body).toEqual([expect.objectContaining({ page: 1, status: 'manual', ground: '5.1.2i', text: 'vergadering' })]);
    const byBox = await api<RedactionView[]>('reviewer', 'POST', `/v1/documents/${minutesId}/redactions`, {
      page: 2,
      boxes: [{ x: 50, y: 70, width: 120, height: 20 }],
    });
    expect(byBox.body[0]).toMatchObject({ page: 2, status: 'manual', text: expect.stringContaining('Actiepunt') });
    const missing = await api<{ message: string }>('reviewer', 'POST', `/v1/documents/${minutesId}/redactions`, { text: 'Rotterdam' });
    expect(missing.status).toBe(422);

    const nightly = await api<{ documents: Array<{ id: string }> }>('coordinator', 'POST', `/v1/batches/${batch.body.id}/export`, { policy: 'accept-suggested' });
    expect(nightly.status).toBe(202);
    expect(nightly.body.documents.map((d) => d.id).sort()).toEqual([letterId, minutesId].sort());
    const final = await batchWhenSettled(batch.body.id);
    expect(final.filter((d) => d.status === 'exported').map((d) => d.filename).sort()).toEqual(['brief.pdf', 'notulen.pdf']);

    const minutesPdf = await stack.app.inject({ method: 'GET', url: `/v1/documents/${minutesId}/export.pdf`, headers: as('coordinator') });
    const minutesText = pdftotext(minutesPdf.rawPayload);
    for (const gone of ['Karin Smit', 'Ahmed Yilmaz', 'vergadering', 'Actiepunt', '020-5551234']) expect(minutesText).not.toContain(gone);
    expect(minutesText).toContain('Notulen');
    // the letter's rejected name survived the re-export under accept-suggested: decisions stand
    expect(pdftotext((await stack.app.inject({ method: 'GET', url: `/v1/documents/${letterId}/export.pdf`, headers: as('coordinator') })).rawPayload)).toContain('Pieter Bakker');

    // --- inventory and audit ---
    const csv = (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batch.body.id}/inventory.csv`, headers: as('coordinator') })).body;
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(files.length + 1);
    expect(lines[1]).toMatch(/^1;[0-9a-f-]{36};;;;Document 1;1;deels openbaar;verwerkt;5\.1\.2e;5\.1\.2e: 3;;;0001-document-1\.pdf$/);
    expect(lines[2]).toMatch(/^2;[0-9a-f-]{36};;;;Document 2;2;deels openbaar;[a-z ]+;"5\.1\.2e; 5\.1\.2i";"5\.1\.2e: \d+; 5\.1\.2i: \d+";;/);
    expect(lines[3]).toMatch(/^3;[0-9a-f-]{36};;;;Document 3;0;;niet verwerkt;;;;Dit bestand is leeg/);
    // the public inventory never names the uploads
    expect(csv).not.toMatch(/brief\.pdf|notulen\.pdf|leeg\.pdf/);

    const xlsx = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batch.body.id}/inventory.xlsx`, headers: as('coordinator') });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('Inventarislijst')!.rowCount).toBe(files.length + 1);

    const noPublisher = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batch.body.id}/diwoo.xml`, headers: as('coordinator') });
    expect(noPublisher.statusCode).toBe(409);
    process.env.WOO_PUBLISHER = 'gemeente Amsterdam';
    try {
      const sitemap = (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batch.body.id}/diwoo.xml`, headers: as('coordinator') })).body;
      const documents = [...sitemap.matchAll(/<diwoo:Document>.*?<\/diwoo:Document>/gs)].map((m) => m[0].replace('<diwoo:Document>', `<diwoo:Document xmlns:diwoo="${DIWOO_NAMESPACE}">`));
      // the letter and the minutes are exported; the empty upload has nothing to publish
      expect(documents).toHaveLength(2);
      for (const xml of documents) execFileSync('xmllint', ['--noout', '--schema', DIWOO_SCHEMA, '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
    } finally {
      delete process.env.WOO_PUBLISHER;
    }

    // --- the public redaction log and the onderbouwingsrapport: grounds and hashes, no removed text ---
    const log = await stack.app.inject({ method: 'GET', url: `/v1/documents/${minutesId}/lakkingen.csv`, headers: as('coordinator') });
    expect(log.statusCode).toBe(200);
    const logRows = log.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(logRows[0]).toBe('Lakking;Pagina;Soort gegeven;Weigeringsgrond;Omschrijving grond');
    expect(logRows.some((r) => /;5\.1\.2i;Goed functioneren/.test(r))).toBe(true);
    for (const gone of ['Karin Smit', 'Ahmed Yilmaz', 'vergadering', '020-5551234']) expect(log.body).not.toContain(gone);
    const notYet = await stack.app.inject({ method: 'GET', url: `/v1/documents/${byName['leeg.pdf']!.id}/lakkingen.csv`, headers: as('coordinator') });
    expect(notYet.statusCode).toBe(409);
    const basis = await stack.app.inject({ method: 'GET', url: `/v1/batches/${batch.body.id}/onderbouwingsrapport.pdf`, headers: as('coordinator') });
    expect(basis.statusCode).toBe(200);
    const basisText = pdftotext(basis.rawPayload).replace(/\s+/g, ' ');
    expect(basisText).toContain('Onderbouwingsrapport lakkingen');
    expect(basisText).toMatch(/5\.1\.2e \(art\. 5\.1 lid 2 sub e Woo\)/);
    expect(basisText).toMatch(/Besloten door: [^.]*Jurist/);
    expect(basisText.match(/SHA-256 gepubliceerd: [0-9a-f]{64}/g)).toHaveLength(2);
    for (const gone of ['Karin Smit', 'Ahmed Yilmaz', 'brief.pdf', 'notulen.pdf']) expect(basisText).not.toContain(gone);

    const audit = (await api<Array<{ action: string; actor: string; redactionId: string | null; details: Record<string, unknown> }>>('reviewer', 'GET', `/v1/documents/${letterId}/audit`)).body;
    expect(audit.find((a) => a.redactionId === signer.id)).toMatchObject({ action: 'redaction.decided', actor: 'Jurist', details: { from: 'suggested', to: 'rejected' } });
    expect(audit.filter((a) => a.action === 'export.requested').map((a) => a.actor)).toEqual(['Coördinator', 'Coördinator']);
    expect(audit.filter((a) => a.action === 'document.detected')).toHaveLength(1);
  });

  it('recognises scanned PDFs and image uploads page by page, and redacts what it read', async () => {
    const batch = await api<{ id: string }>('coordinator', 'POST', '/v1/batches', { name: 'scans' });
    const scan = await scannedPdf([['Geachte mevrouw Fatima el Amrani,', 'Uw telefoonnummer 06-87654321 is genoteerd.'], ['Met vriendelijke groet,', 'Team Vergunningen']]);
    const photo = await scannedPagePng(['Aanvraag van Willem Hendriks', 'E-mail: w.hendriks@example.nl']);
    const body = multipart([
      { name: 'scan.pdf', bytes: scan },
      { name: 'foto.png', bytes: photo },
    ]);
    await stack.app.inject({ method: 'POST', url: `/v1/batches/${batch.body.id}/documents`, headers: { ...as('coordinator'), ...body.headers }, payload: body.payload });
    const [pdf, png] = await batchWhenSettled(batch.body.id);
    expect(pdf).toMatchObject({ status: 'in_review', pages: 2 });
    expect(png).toMatchObject({ status: 'in_review', pages: 1 });
    const found = async (id: string) => (await api<RedactionView[]>('reviewer', 'GET', `/v1/documents/${id}/redactions`)).body.map((r) => r.text);
    expect(await found(pdf!.id)).toEqual(expect.arrayContaining(['06-87654321']));
    expect(await found(png!.id)).toEqual(expect.arrayContaining(['w.hendriks@example.nl']));

    await api('coordinator', 'POST', `/v1/batches/${batch.body.id}/export`, { policy: 'accept-suggested' });
    await batchWhenSettled(batch.body.id);
    const exported = await stack.app.inject({ method: 'GET', url: `/v1/documents/${png!.id}/export.pdf`, headers: as('coordinator') });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="\d{4}-document-\d+\.pdf"$/);
    expect(pdftotext(exported.rawPayload)).not.toContain('hendriks@');
  });
});
