import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { batchDeciders, getBatch, getDocument, listBatchDocuments, listRedactions } from '@woo/db';
import { bearer, errorResponses, IdParams, notFound } from '@woo/http';
import { basisReportPdf, BOX_WIDTH_SETTING, inventoryNumberText, redactionLogCsv } from '@woo/publication';
import type { FastifyInstance } from 'fastify';
import { attachment, batchEntries, notExported, PUBLIC_READERS, PUBLIC_TAG } from '../publication.js';


const PdfBytes = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/* The public files besides the PDFs and the inventory (issue 13): per document the redaction log
 * (page, kind of data, ground; never the text), per batch the onderbouwingsrapport that goes with
 * the decision. Both are served only for what was exported. */
export const publicFileRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/v1/documents/:id/lakkingen.csv',
    {
      config: { roles: PUBLIC_READERS, resource: 'document' },
      schema: {
        tags: ['export', PUBLIC_TAG],
        summary: 'Openbaar lakkingenlogboek van het gelakte document: pagina, soort gegeven en grond per lakking, nooit de tekst',
        security: bearer,
        params: IdParams,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      if (doc.status !== 'exported') return reply.code(409).send(notExported(doc.status));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`${inventoryNumberText(doc.number)}-lakkingen.csv`))
        .send(redactionLogCsv(await listRedactions(fastify.db, doc.id)));
    },
  );

  fastify.get(
    '/v1/batches/:id/onderbouwingsrapport.pdf',
    {
      config: { roles: PUBLIC_READERS, resource: 'batch' },
      schema: {
        tags: ['export', PUBLIC_TAG],
        summary: 'Onderbouwingsrapport van de batch (PDF): lakkingen per grond, SHA-256 van elk origineel en elk gepubliceerd bestand, instellingen, wie besliste',
        security: bearer,
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: PdfBytes, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      const deciders = await batchDeciders(fastify.db, batch.id);
      const pdf = await basisReportPdf({
        madeAt: new Date(),
        toolVersion: await serviceVersion(),
        settings: [
          ['Export', 'per document gekozen beleid (zie het auditlog); pagina\'s vector waar bewezen schoon, anders beeld'],
          [...BOX_WIDTH_SETTING],
        ],
        decidedBy: deciders.length ? deciders.join(', ') : 'niemand persoonlijk: alleen het onbeheerde beleid van de export',
        entries: await batchEntries(fastify.db, batch.id),
        hashes: await batchHashes(fastify, batch.id),
      });
      return reply.type('application/pdf').header('content-disposition', attachment('onderbouwingsrapport.pdf')).header('cache-control', 'no-store').send(Buffer.from(pdf));
    },
  );
};

async function serviceVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** SHA-256 of each document's original upload (the file as received: for an e-mail, Office file
 * or attachment its source, not the PDF it became) and of its published PDF, by inventory number. */
async function batchHashes(fastify: FastifyInstance, batchId: string): Promise<Map<number, { original?: string; published?: string }>> {
  const sha = async (key: string | null) => (key ? createHash('sha256').update(await fastify.blobs.get(key)).digest('hex') : undefined);
  const hashes = new Map<number, { original?: string; published?: string }>();
  for (const d of await listBatchDocuments(fastify.db, batchId)) {
    const original = await sha(d.sourceKey ?? d.originalKey ?? d.pdfKey);
    const published = d.status === 'exported' ? await sha(d.exportKey) : undefined;
    hashes.set(d.number, { ...(original ? { original } : {}), ...(published ? { published } : {}) });
  }
  return hashes;
}
