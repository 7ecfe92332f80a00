import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { createBatch, getBatch, listBatchDocuments } from '@woo/db';
import { bearer, DocumentSummary, documentSummary, errorResponses, IdParams, notFound, Uuid } from '@woo/http';

const Batch = Type.Object({ id: Uuid, name: Type.String() });

export const batchRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/v1/batches',
    {
      onRequest: fastify.requireRole('coordinator'),
      schema: {
        tags: ['intake'],
        summary: 'Nieuwe batch (bijv. één Woo-verzoek)',
        security: bearer,
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 201: Batch, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const batch = await createBatch(fastify.db, request.body.name.trim(), request.actor);
      return reply.code(201).send({ id: batch.id, name: batch.name });
    },
  );

  fastify.get(
    '/v1/batches/:id',
    {
      onRequest: fastify.requireRole('coordinator', 'reviewer'),
      schema: {
        tags: ['intake'],
        summary: 'Batch met de status van elk document',
        security: bearer,
        params: IdParams,
        response: { 200: Type.Object({ id: Uuid, name: Type.String(), documents: Type.Array(DocumentSummary) }), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      const documents = await listBatchDocuments(fastify.db, batch.id);
      return { id: batch.id, name: batch.name, documents: documents.map(documentSummary) };
    },
  );
};
