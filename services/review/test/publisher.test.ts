import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiToken } from '@woo/db';
import { multipart, pdfObjectText, pdftotext, probeInfra, startTestStack, textPdf, waitFor, type TestStack } from '@woo/testkit';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** The name in the letter, and in the upload's file name: both must stay out of every public answer. */
const NAME = 'Karin Smit';
const LETTER_FILE = `brief aan ${NAME}.pdf`;
const COMPLAINT_FILE = 'klacht.pdf';
const FAILED_FILE = `${NAME} leeg.pdf`;
const SETTLED = ['in_review', 'exported', 'failed'];
/** Woo requests are often named after the requester: the team sees this name, a publisher does not. */
const BATCH_NAME = `Woo-verzoek 2024-17 mevrouw ${NAME}`;
const NEUTRAL_BATCH_NAME = expect.stringMatching(/^Batch van \d{4}-\d{2}-\d{2}$/);

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  bytes: Buffer;
  type: string;
}

describe.skipIf(!infra.ok)('publisher role, public and confidential routes', () => {
  let stack: TestStack;
  const t = { coordinator: '', reviewer: '', publisher: '', otherPublisher: '', otherReviewer: '' };
  let batchId: string;
  let letterId: string;
  let complaintId: string;
  let failedId: string;

  const get = async (token: string, url: string): Promise<Answer> => {
    const res = await stack.app.inject({ method: 'GET', url, headers: auth(token) });
    return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, type: String(res.headers['content-type'] ?? '') };
  };

  /** Every public route, for the publisher's own batch. */
  const publicRoutes = () => [
    '/v1/me',
    '/v1/public/batches',
    `/v1/public/batches/${batchId}`,
    `/v1/documents/${letterId}/export.pdf`,
    `/v1/documents/${letterId}/lakkingen.csv`,
    `/v1/batches/${batchId}/inventory.csv`,
    `/v1/batches/${batchId}/inventory.xlsx`,
    `/v1/batches/${batchId}/diwoo.xml`,
    `/v1/batches/${batchId}/onderbouwingsrapport.pdf`,
  ];

  /** Routes that show originals, suggestions, decisions, removed text or the uploads' names. */
  const teamRoutes = () => [
    '/v1/batches',
    `/v1/batches/${batchId}`,
    `/v1/documents/${letterId}`,
    `/v1/documents/${letterId}/original.pdf`,
    `/v1/documents/${letterId}/redactions`,
    `/v1/documents/${letterId}/audit`,
    `/v1/documents/${letterId}/page-checks`,
    `/v1/documents/${letterId}/rapport.json`,
    `/v1/batches/${batchId}/verwerkingslog.json`,
    `/v1/batches/${batchId}/search?text=Smit`,
    `/v1/batches/${batchId}/decisions`,
    `/v1/batches/${batchId}/duplicates`,
    `/v1/batches/${batchId}/consistency`,
    '/v1/org-lists',
  ];

  beforeAll(async () => {
    process.env.WOO_PUBLISHER = 'gemeente Amsterdam';
    stack = await startTestStack({ workers: true });
    const db = stack.context.db;
    t.coordinator = await createApiToken(db, 'coordinator', 'Coördinator wonen', { teams: ['wonen'] });
    t.reviewer = await createApiToken(db, 'reviewer', 'Jurist wonen', { teams: ['wonen'] });
    t.publisher = await createApiToken(db, 'publisher', 'Publicatie wonen', { teams: ['wonen'] });
    t.otherPublisher = await createApiToken(db, 'publisher', 'Publicatie jeugd', { teams: ['jeugd'] });
    t.otherReviewer = await createApiToken(db, 'reviewer', 'Jurist jeugd', { teams: ['jeugd'] });

    const created = await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: auth(t.coordinator), payload: { name: BATCH_NAME } });
    batchId = created.json<{ id: string }>().id;
    const body = multipart([
      { name: LETTER_FILE, bytes: await letter('Besluit subsidie') },
      { name: COMPLAINT_FILE, bytes: await letter(`Klacht ${NAME}`) },
      { name: FAILED_FILE, bytes: new Uint8Array() },
    ]);
    const upload = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/documents`, headers: { ...auth(t.coordinator), ...body.headers }, payload: body.payload });
    expect(upload.statusCode).toBe(202);
    [letterId, complaintId, failedId] = upload.json<Array<{ id: string }>>().map((d) => d.id) as [string, string, string];
    const batchDocs = () => stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}`, headers: auth(t.coordinator) }).then((r) => r.json<{ documents: Array<{ status: string }> }>().documents);
    await waitFor(batchDocs, (docs) => docs.every((d) => SETTLED.includes(d.status)), 90_000);
    const exported = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/export`, headers: auth(t.coordinator), payload: { policy: 'accept-suggested' } });
    expect(exported.statusCode).toBe(202);
    await waitFor(batchDocs, (docs) => docs.every((d) => d.status === 'exported' || d.status === 'failed'), 90_000);
  }, 200_000);
  afterAll(async () => {
    delete process.env.WOO_PUBLISHER;
    await stack?.close();
  });

  it('lets a publisher read every public output of its team, and nothing else', async () => {
    for (const url of publicRoutes()) expect((await get(t.publisher, url)).status, url).toBe(200);
    for (const url of teamRoutes()) {
      const res = await get(t.publisher, url);
      expect(res.status, url).toBe(403);
      expect(JSON.parse(res.bytes.toString('utf8')).message).toContain('dit token heeft de rol publisher');
    }
    const batches = JSON.parse((await get(t.publisher, '/v1/public/batches')).bytes.toString('utf8'));
    expect(batches).toEqual([expect.objectContaining({ id: batchId, name: NEUTRAL_BATCH_NAME, documents: expect.objectContaining({ exported: 2, failed: 1 }) })]);
    const status = JSON.parse((await get(t.publisher, `/v1/public/batches/${batchId}`)).bytes.toString('utf8'));
    expect(status.name).toEqual(NEUTRAL_BATCH_NAME);
    expect(status.documents).toEqual([
      { id: letterId, number: 1, title: 'Document 1', status: 'exported', pages: 1, file: '0001-document-1.pdf' },
      { id: complaintId, number: 2, title: 'Document 2', status: 'exported', pages: 1, file: '0002-document-2.pdf' },
      { id: failedId, number: 3, title: 'Document 3', status: 'failed', pages: 0 },
    ]);
  });

  it("tags exactly the publisher's routes 'openbaar' and the confidential reports 'vertrouwelijk' in the OpenAPI", async () => {
    const spec = JSON.parse((await stack.app.inject({ method: 'GET', url: '/docs/json' })).body) as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const tagged = (tag: string) =>
      Object.entries(spec.paths)
        .flatMap(([url, ops]) => Object.entries(ops).flatMap(([method, op]) => (op.tags?.includes(tag) ? [`${method.toUpperCase()} ${url}`] : [])))
        .sort();
    const asTemplate = (url: string) => `GET ${url.replace(/[0-9a-f-]{36}/, '{id}')}`;
    expect(tagged('openbaar')).toEqual(publicRoutes().filter((u) => u !== '/v1/me').map(asTemplate).sort());
    expect(tagged('vertrouwelijk')).toEqual(['GET /v1/batches/{id}/verwerkingslog.json', 'GET /v1/documents/{id}/rapport.json']);
  });

  it("keeps another team's publisher out: 404 on public routes, exactly as for an unknown id", async () => {
    for (const url of publicRoutes().filter((u) => u.includes(batchId) || u.includes(letterId))) {
      expect((await get(t.otherPublisher, url)).status, url).toBe(404);
    }
    expect(JSON.parse((await get(t.otherPublisher, '/v1/public/batches')).bytes.toString('utf8'))).toEqual([]);
    for (const url of [`/v1/documents/${letterId}/rapport.json`, `/v1/batches/${batchId}/verwerkingslog.json`]) {
      expect((await get(t.otherReviewer, url)).status, url).toBe(404);
      expect((await get(t.otherPublisher, url)).status, url).toBe(403);
    }
  });

  it('serves the confidential reports to the team: the removed text, who decided, the original names', async () => {
    const report = await get(t.reviewer, `/v1/documents/${letterId}/rapport.json`);
    expect(report.status).toBe(200);
    expect(report.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(report.bytes.toString('utf8'));
    expect(body.vertrouwelijk).toMatch(/^VERTROUWELIJK/);
    expect(body.document).toBe(LETTER_FILE);
    expect(body.redactions).toContainEqual(
      expect.objectContaining({ text: NAME, page: 1, ground: '5.1.2e', status: 'accepted', decidedBy: 'Coördinator wonen', categoryLabel: expect.any(String), groundDescription: expect.any(String) }),
    );
    const log = JSON.parse((await get(t.coordinator, `/v1/batches/${batchId}/verwerkingslog.json`)).bytes.toString('utf8'));
    expect(log).toMatchObject({ documents: 3, failed: 1, pages: 2, openSuggestions: 0, batch: { id: batchId, name: BATCH_NAME } });
    expect(log.redactions).toBeGreaterThanOrEqual(1);
    expect(log.results).toEqual([
      expect.objectContaining({ file: LETTER_FILE, number: 1, status: 'exported', pages: 1, ocrPages: [], pagesToReview: [], findings: [] }),
      expect.objectContaining({ file: COMPLAINT_FILE, number: 2, status: 'exported' }),
      expect.objectContaining({ file: FAILED_FILE, number: 3, status: 'failed', error: expect.stringContaining('leeg'), errorCode: expect.any(String) }),
    ]);
    const notRead = await get(t.reviewer, `/v1/documents/${failedId}/rapport.json`);
    expect(notRead.status).toBe(409);
  });

  it('puts no removed string and no upload name in any public answer (headers, bytes, PDF text and objects, XLSX cells)', async () => {
    const report = JSON.parse((await get(t.reviewer, `/v1/documents/${letterId}/rapport.json`)).bytes.toString('utf8')) as { redactions: Array<{ text: string; status: string }> };
    const removed = new Set([NAME, LETTER_FILE, FAILED_FILE, ...report.redactions.filter((r) => r.status === 'accepted' || r.status === 'manual').map((r) => r.text)].map(normal));
    expect(removed.has(normal(NAME))).toBe(true);
    for (const url of [...publicRoutes(), `/v1/documents/${complaintId}/export.pdf`]) {
      const res = await get(t.publisher, url);
      const haystacks = [normal(JSON.stringify(res.headers)), normal(res.bytes.toString('utf8')), normal(res.bytes.toString('latin1'))];
      if (res.type.startsWith('application/pdf')) haystacks.push(normal(pdftotext(res.bytes)), normal(pdfObjectText(res.bytes)));
      if (res.type.includes('spreadsheetml')) {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
        book.eachSheet((sheet) => sheet.eachRow((row) => haystacks.push(normal(JSON.stringify(row.values)))));
      }
      for (const text of removed) for (const h of haystacks) expect(h.includes(text), `${url} holds "${text}"`).toBe(false);
    }
    // the search finds the same needle where it is meant to be: the check above can fail
    expect(normal((await get(t.reviewer, `/v1/documents/${letterId}/rapport.json`)).bytes.toString('utf8'))).toContain(normal(NAME));
  });


  it("titles the exported PDF with the document's own title, unless that names the removed text", async () => {
    expect(pdfTitle((await get(t.publisher, `/v1/documents/${letterId}/export.pdf`)).bytes)).toBe('Besluit subsidie');
    expect(pdfTitle((await get(t.publisher, `/v1/documents/${complaintId}/export.pdf`)).bytes)).toBe('Document 2');
  });
});

/** A one-page letter to NAME with the heading "Besluit subsidie" and `title` as its /Title. */
async function letter(title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(await textPdf([['Besluit subsidie', `Geachte mevrouw ${NAME},`, 'Uw klacht over de subsidie is ontvangen.']]));
  pdf.setTitle(title);
  return pdf.save();
}

/** The title pdfinfo (poppler) reads. */
function pdfTitle(bytes: Uint8Array): string | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'woo-title-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), bytes);
    return /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', ['-enc', 'UTF-8', path.join(dir, 'in.pdf')], { encoding: 'utf8' }))?.[1];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function normal(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
}
