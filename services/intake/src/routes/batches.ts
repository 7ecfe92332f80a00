import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { batchTeams, createBatch, getBatch, listBatchDocuments, listVisibleBatches, shareBatch } from '@woo/db';
import { bearer, DocumentSummary, documentSummary, errorResponses, IdParams, notFound, Team, Uuid, type Caller } from '@woo/http';

const Batch = Type.Object({ id: Uuid, name: Type.String(), teams: Type.Array(Type.String()) });

const BatchOverview = Type.Object({
  id: Uuid,
  name: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  teams: Type.Array(Type.String()),
  documents: Type.Record(Type.String(), Type.Integer(), { description: 'aantal documenten per status' }),
  openSuggestions: Type.Integer({ description: 'voorstellen die nog beoordeeld moeten worden' }),
});

/** The team a new batch belongs to: the one asked for (which the caller must be in, unless an
 * admin), or the caller's only team; a Dutch reason when neither works. */
function teamForNewBatch(caller: Caller, asked: string | undefined): string | { message: string } {
  if (asked !== undefined) {
    return caller.role === 'admin' || caller.teams.includes(asked) ? asked : { message: `U bent geen lid van team '${asked}'.` };
  }
  if (caller.teams.length === 1) return caller.teams[0]!;
  return { message: `Geef aan voor welk team de batch is ("team"): dit token hoort bij ${caller.teams.join(', ')}.` };
}

export const batchRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/v1/batches',
    {
      config: { roles: ['coordinator'] },
      schema: {
        tags: ['intake'],
        summary: 'Nieuwe batch (bijv. één Woo-verzoek), van het team van de aanmaker',
        security: bearer,
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 200 }),
          team: Type.Optional(Team),
          officials: Type.Optional(
            Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
              maxItems: 10_000,
              description: 'Ambtenaren en bestuurders wier naam in deze batch zichtbaar blijft (naast de lijst van de installatie), zoals --officials van de CLI.',
            }),
          ),
        }),
        response: { 201: Batch, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const team = teamForNewBatch(request.actor, request.body.team);
      if (typeof team !== 'string') return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: team.message });
      const officials = (request.body.officials ?? []).map((o) => o.trim()).filter(Boolean);
      const batch = await createBatch(fastify.db, request.body.name.trim(), request.actor, team, officials);
      return reply.code(201).send({ id: batch.id, name: batch.name, teams: [team] });
    },
  );

  fastify.get(
    '/v1/batches',
    {
      config: { roles: ['coordinator', 'reviewer'] },
      schema: {
        tags: ['intake'],
        summary: 'De batches die dit token mag zien, nieuwste eerst',
        security: bearer,
        response: { 200: Type.Array(BatchOverview), ...errorResponses() },
      },
    },
    async (request) => listVisibleBatches(fastify.db, request.actor),
  );

  fastify.get(
    '/v1/batches/:id',
    {
      config: { roles: ['coordinator', 'reviewer'], resource: 'batch' },
      schema: {
        tags: ['intake'],
        summary: 'Batch met de status van elk document',
        security: bearer,
        params: IdParams,
        response: { 200: Type.Object({ id: Uuid, name: Type.String(), teams: Type.Array(Type.String()), documents: Type.Array(DocumentSummary) }), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      const documents = await listBatchDocuments(fastify.db, batch.id);
      return { id: batch.id, name: batch.name, teams: await batchTeams(fastify.db, batch.id), documents: documents.map(documentSummary) };
    },
  );

  fastify.post(
    '/v1/batches/:id/teams',
    {
      config: { roles: ['coordinator'], resource: 'batch' },
      schema: {
        tags: ['intake'],
        summary: 'De batch delen met andere teams',
        security: bearer,
        params: IdParams,
        body: Type.Object({ teams: Type.Array(Team, { minItems: 1, maxItems: 50 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Uuid, teams: Type.Array(Type.String()) }), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ id: request.params.id, teams: await shareBatch(fastify.db, request.params.id, request.body.teams, request.actor) }),
  );
};
