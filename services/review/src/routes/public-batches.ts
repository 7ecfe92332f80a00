import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { batchRemovedTexts, getBatch, listBatchDocuments, listVisibleBatches, type Database } from '@woo/db';
import { bearer, DocumentStatus, errorResponses, IdParams, notFound, Uuid } from '@woo/http';
import { namesRemovedText, neutralTitle } from '@woo/publication';
import { PUBLIC_READERS, PUBLIC_TAG, publicFileName } from '../publication.js';

const PublicBatch = Type.Object({
  id: Uuid,
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  documents: Type.Record(Type.String(), Type.Integer(), { description: 'aantal documenten per status' }),
  openSuggestions: Type.Integer({ description: 'voorstellen die nog beoordeeld moeten worden' }),
});

const PublicDocument = Type.Object({
  id: Uuid,
  number: Type.Integer({ description: 'Nummer in de inventarislijst' }),
  title: Type.String({ description: 'Neutrale titel' }),
  status: DocumentStatus,
  pages: Type.Integer(),
  file: Type.Optional(Type.String({ description: 'Naam van de gelakte PDF (GET /v1/documents/:id/export.pdf), zodra de status exported is' })),
});

/** The batch's name as a publisher sees it: a name that names what its redactions take away
 * ("Woo-verzoek J. Jansen") becomes "Batch van <date>". */
async function publicBatchName(db: Database, batch: { id: string; name: string; createdAt: string }): Promise<string> {
  return namesRemovedText(batch.name, await batchRemovedTexts(db, batch.id)) ? `Batch van ${batch.createdAt.slice(0, 10)}` : batch.name;
}

/* What a publisher needs to find the public outputs: the batches and their documents by
 * inventory number and neutral title. Never the uploads' file names, who created the batch, or
 * error messages: those belong to the team (GET /v1/batches, verwerkingslog.json). */
export const publicBatchRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/v1/public/batches',
    {
      config: { roles: PUBLIC_READERS },
      schema: {
        tags: ['export', PUBLIC_TAG],
        summary: 'De batches die dit token mag zien, nieuwste eerst, zonder bestandsnamen',
        security: bearer,
        response: { 200: Type.Array(PublicBatch), ...errorResponses() },
      },
    },
    async (request) => {
      const batches = [];
      for (const { id, name, createdAt, documents, openSuggestions } of await listVisibleBatches(fastify.db, request.actor)) {
        batches.push({ id, name: await publicBatchName(fastify.db, { id, name, createdAt }), createdAt, documents, openSuggestions });
      }
      return batches;
    },
  );

  fastify.get(
    '/v1/public/batches/:id',
    {
      config: { roles: PUBLIC_READERS, resource: 'batch' },
      schema: {
        tags: ['export', PUBLIC_TAG],
        summary: 'Status van elk document van de batch, met inventarisnummer en neutrale titel',
        security: bearer,
        params: IdParams,
        response: { 200: Type.Object({ id: Uuid, name: Type.String(), documents: Type.Array(PublicDocument) }), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      const documents = (await listBatchDocuments(fastify.db, batch.id)).map((d) => ({
        id: d.id,
        number: d.number,
        title: neutralTitle(d.number),
        status: d.status,
        pages: d.pageCount,
        ...(d.status === 'exported' ? { file: publicFileName(d.number) } : {}),
      }));
      return { id: batch.id, name: await publicBatchName(fastify.db, batch), documents };
    },
  );
};
