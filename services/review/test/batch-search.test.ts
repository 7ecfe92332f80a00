import type { Page, Word } from '@woo/core';
import { listDocumentAudit, listRedactions, saveDetection, saveExtraction, transition } from '@woo/db';
import { multipart, nameSuggestion, probeInfra, startTestStack, textPdf, type TestStack } from '@woo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const infra = await probeInfra();

/** One page whose lines are laid out left to right, 12 pt apart, 10 pt high. */
function textPage(lines: string[]): Page {
  const words: Word[] = [];
  lines.forEach((line, row) => {
    let x = 60;
    for (const text of line.split(' ')) {
      const width = text.length * 6;
      words.push({ text, box: { x, y: 80 + row * 12, width, height: 10 }, charEdges: Array.from({ length: text.length + 1 }, (_, i) => x + i * 6) });
      x += width + 4;
    }
  });
  return { number: 1, width: 595, height: 842, source: 'text-layer', needsOcr: false, words };
}

interface SearchAnswer {
  documents: Array<{ documentId: string; filename: string; hits: Array<{ page: number; text: string; context: string; redacted: boolean }> }>;
  notSearchable: string[];
}

describe.skipIf(!infra.ok)('search and redact across a batch', () => {
  let stack: TestStack;
  let batchId: string;
  const ids: Record<string, string> = {};
  const reviewer = () => ({ authorization: `Bearer ${stack.tokens.reviewer}` });
  const search = async (text: string) =>
    (await stack.app.inject({ method: 'GET', url: `/v1/batches/${batchId}/search?text=${encodeURIComponent(text)}`, headers: reviewer() })).json<SearchAnswer>();
  const redactHits = (payload: object) => stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/search/redactions`, headers: reviewer(), payload });

  async function documentWithText(filename: string, lines: string[], suggestions = [] as ReturnType<typeof nameSuggestion>[]) {
    const body = multipart([{ name: filename, bytes: await textPdf([lines]) }]);
    const res = await stack.app.inject({ method: 'POST', url: `/v1/batches/${batchId}/documents`, headers: { authorization: `Bearer ${stack.tokens.coordinator}`, ...body.headers }, payload: body.payload });
    const id = res.json<Array<{ id: string }>>()[0]!.id;
    await transition(stack.context.db, id, ['queued'], 'extracting');
    await saveExtraction(stack.context.db, id, { pages: [textPage(lines)] }, 'detecting');
    await saveDetection(stack.context.db, id, suggestions);
    ids[filename] = id;
  }

  beforeAll(async () => {
    stack = await startTestStack();
    batchId = (await stack.app.inject({ method: 'POST', url: '/v1/batches', headers: { authorization: `Bearer ${stack.tokens.coordinator}` }, payload: { name: 'Dossier' } })).json<{ id: string }>().id;
    await documentWithText('brief.pdf', ['Beste Jan,', 'Jansen belt morgen over de vergunning.']);
    await documentWithText('notulen.pdf', ['Aanwezig: Marijan en JAN van de wijkraad']);
    await documentWithText('bijlage.pdf', ['Geen namen hier']);
  });
  afterAll(() => stack?.close());

  it('finds whole words only, per document, with the words around each hit', async () => {
    const found = await search('jan');
    expect(found.notSearchable).toEqual([]);
    expect(found.documents.map((d) => [d.filename, d.hits.map((h) => [h.text, h.redacted])])).toEqual([
      ['brief.pdf', [['Jan', false]]],
      ['notulen.pdf', [['JAN', false]]],
    ]);
    expect(found.documents[1]!.hits[0]!.context).toBe('Aanwezig: Marijan en JAN van de wijkraad');
    expect((await search('Jansen belt')).documents.map((d) => d.filename)).toEqual(['brief.pdf']);
  });

  it('redacts every hit with the grounds given, audited, and skips what is blacked out already', async () => {
    const res = await redactHits({ text: 'Jan', ground: '5.1.2e', additionalGrounds: ['5.1.2i'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ documents: 2 });
    const brief = await listRedactions(stack.context.db, ids['brief.pdf']!);
    expect(brief.map((r) => [r.text, r.status, r.ground, r.additionalGrounds])).toEqual([['Jan', 'manual', '5.1.2e', ['5.1.2i']]]);
    const audit = await listDocumentAudit(stack.context.db, ids['notulen.pdf']!);
    expect(audit.at(-1)).toMatchObject({ action: 'redaction.added', details: { text: 'JAN', ground: '5.1.2e', additionalGrounds: ['5.1.2i'] } });

    expect((await search('Jan')).documents.flatMap((d) => d.hits.map((h) => h.redacted))).toEqual([true, true]);
    const again = await redactHits({ text: 'jan' });
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toBe("Elke treffer van 'jan' is al gelakt.");
    expect((await redactHits({ text: 'Pietersen' })).json().message).toMatch(/komt als heel woord in geen enkel document/);
  });

  it('redacts only in the documents asked for, and refuses a coordinator', async () => {
    const res = await redactHits({ text: 'de', documentIds: [ids['notulen.pdf']] });
    expect(res.json()).toMatchObject({ documents: 1 });
    expect((await listRedactions(stack.context.db, ids['brief.pdf']!)).map((r) => r.text)).toEqual(['Jan']);
    const coordinator = await stack.app.inject({
      method: 'POST',
      url: `/v1/batches/${batchId}/search/redactions`,
      headers: { authorization: `Bearer ${stack.tokens.coordinator}` },
      payload: { text: 'Geen' },
    });
    expect(coordinator.statusCode).toBe(403);
  });
});
