import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ExportPolicy } from '@woo/core';
import { appendAudit, batchInconsistencies, getBatch, inheritDuplicateDecisions, getDocument, listBatchDocuments, requestExport, type Actor } from '@woo/db';
import { bearer, DocumentStatus, errorResponses, ExportBody, IdParams, notFound, PdfFile, Uuid } from '@woo/http';
import { diwooSitemapXml, inventoryCsv, inventoryXlsx, publicationConfig, settingsFromEnv } from '@woo/publication';
import type { FastifyInstance } from 'fastify';
import { asExportedUnder, ExportConflict } from '../dossier-schemas.js';
import { attachment, batchEntries, notExported, PUBLIC_READERS, PUBLIC_TAG, publicFileName } from '../publication.js';

const Exporting = Type.Object({ id: Uuid, status: DocumentStatus });

/** Marks the documents for export and queues one export job each. */
async function startExport(fastify: FastifyInstance, ids: string[], policy: ExportPolicy, actor: Actor) {
  const tickets = await requestExport(fastify.db, ids, policy, actor);
  for (const t of tickets) await fastify.jobs.enqueue({ name: 'export', data: t });
  return tickets.map((t) => ({ id: t.documentId, status: 'exporting' as const }));
}

const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

export const exportRoutes: FastifyPluginAsyncTypebox = async (fastify) => {

  fastify.post(
    '/v1/documents/:id/export',
    {
      config: { roles: ['coordinator'], resource: 'document' },
      schema: {
        tags: ['export'],
        summary: 'Gelakte PDF maken',
        description:
          "accepted-only (standaard): alleen geaccepteerde en handmatige lakkingen; geweigerd (409) zolang er voorstellen open staan. accept-suggested: alle open voorstellen worden geaccepteerd (de nachtelijke run).",
        security: bearer,
        params: IdParams,
        body: Type.Optional(ExportBody),
        response: { 202: Exporting, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      if (doc.status === 'failed') {
        return reply.code(409).send({ statusCode: 409, error: 'Conflict', message: `Dit document is niet verwerkt en kan niet worden geëxporteerd: ${doc.errorMessage ?? ''}`.trim() });
      }
      const [started] = await startExport(fastify, [doc.id], request.body?.policy ?? 'accepted-only', request.actor);
      return reply.code(202).send(started!);
    },
  );

  fastify.post(
    '/v1/batches/:id/export',
    {
      config: { roles: ['coordinator'], resource: 'batch' },
      schema: {
        tags: ['export'],
        summary: 'Alle documenten van de batch exporteren (zelfde policy)',
        description:
          'Niet-verwerkte (failed) documenten worden overgeslagen. Geweigerd (409) zolang er nog documenten in verwerking zijn, en zolang een tekst in het ene document gelakt en in een ander leesbaar is (inconsistencies; zie GET /v1/batches/:id/consistency). Duplicaten nemen eerst de besluiten van hun origineel over.',
        security: bearer,
        params: IdParams,
        body: Type.Optional(ExportBody),
        response: { 202: Type.Object({ documents: Type.Array(Exporting) }), ...errorResponses(400, 404), 409: ExportConflict },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      const policy = request.body?.policy ?? 'accepted-only';
      await inheritDuplicateDecisions(fastify.db, batch.id, request.actor);
      const inconsistencies = await batchInconsistencies(fastify.db, batch.id, asExportedUnder(policy));
      if (inconsistencies.length) {
        return reply.code(409).send({
          statusCode: 409,
          error: 'Conflict',
          message: `${inconsistencies.length === 1 ? '1 tekst is' : `${inconsistencies.length} teksten zijn`} in het ene document gelakt en in een ander leesbaar. Los dat op, of sta het uitdrukkelijk toe (POST /v1/batches/${batch.id}/consistency/allow).`,
          inconsistencies,
        });
      }
      const ids = (await listBatchDocuments(fastify.db, batch.id)).map((d) => d.id);
      const documents = await startExport(fastify, ids, policy, request.actor);
      return reply.code(202).send({ documents });
    },
  );

  fastify.get(
    '/v1/documents/:id/export.pdf',
    {
      config: { roles: PUBLIC_READERS, resource: 'document' },
      schema: {
        tags: ['export', PUBLIC_TAG],
        summary: 'De gelakte PDF (zodra de status exported is)',
        security: bearer,
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: PdfFile, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      if (doc.status !== 'exported' || !doc.exportKey) {
        return reply.code(409).send(notExported(doc.status));
      }
      await appendAudit(fastify.db, request.actor, { action: 'export.downloaded', batchId: doc.batchId, documentId: doc.id, details: { revision: doc.exportRevision } });
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(publicFileName(doc.number)))
        .header('cache-control', 'no-store')
        .send(fastify.blobs.stream(doc.exportKey));
    },
  );

  fastify.get(
    '/v1/batches/:id/inventory.csv',
    {
      config: { roles: PUBLIC_READERS, resource: 'batch' },
      schema: {
        tags: ['export', PUBLIC_TAG],
        summary: 'Inventarislijst van de batch (CSV, ; gescheiden, UTF-8 met BOM)',
        security: bearer,
        params: IdParams,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('inventarislijst.csv'))
        .send(inventoryCsv(await batchEntries(fastify.db, batch.id)));
    },
  );

  fastify.get(
    '/v1/batches/:id/inventory.xlsx',
    {
      config: { roles: PUBLIC_READERS, resource: 'batch' },
      schema: {
        tags: ['export', PUBLIC_TAG],
        summary: 'Inventarislijst van de batch (Excel)',
        security: bearer,
        params: IdParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: XlsxFile, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment('inventarislijst.xlsx'))
        .send(Buffer.from(await inventoryXlsx(await batchEntries(fastify.db, batch.id))));
    },
  );

  fastify.get(
    '/v1/batches/:id/diwoo.xml',
    {
      config: { roles: PUBLIC_READERS, resource: 'batch' },
      schema: {
        tags: ['export', PUBLIC_TAG],
        summary: 'DiWoo-metadata (0.9.8) van de geëxporteerde documenten, als sitemap',
        description: 'De publicerende organisatie en de informatiecategorie komen uit WOO_PUBLISHER en WOO_INFORMATION_CATEGORY (of WOO_PUBLICATION_CONFIG); zonder publicerende organisatie 409.',
        security: bearer,
        params: IdParams,
        produces: ['application/xml'],
        response: { 200: Type.String(), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      const config = publicationConfig(settingsFromEnv());
      if (!config) {
        return reply.code(409).send({ statusCode: 409, error: 'Conflict', message: 'Er is geen publicerende organisatie ingesteld (WOO_PUBLISHER); zonder kan geen geldige DiWoo-metadata worden gemaakt.' });
      }
      const madeAt = new Date();
      const docs = (await batchEntries(fastify.db, batch.id)).map((entry) => ({ entry, madeAt }));
      return reply.type('application/xml; charset=utf-8').header('content-disposition', attachment('diwoo-sitemap.xml')).send(diwooSitemapXml(docs, config));
    },
  );
};
