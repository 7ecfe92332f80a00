import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Category } from '@woo/core';
import { countMatchingInBatch, decideMatchingInBatch, getBatch } from '@woo/db';
import { AdditionalGrounds, bearer, errorResponses, Ground, IdParams, notFound, Redaction, RedactionStatus, Uuid } from '@woo/http';

const BatchBulkBody = Type.Object(
  {
    match: Type.Object(
      {
        category: Type.Optional(Type.String()),
        text: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
        status: Type.Optional(RedactionStatus),
        ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 10_000 })),
        documentId: Type.Optional(Uuid),
      },
      { minProperties: 1, additionalProperties: false },
    ),
    set: Type.Object(
      {
        status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('suggested')], {
          description: 'suggested zet een beslissing terug naar open (ongedaan maken)',
        }),
        ground: Type.Optional(Ground),
        additionalGrounds: Type.Optional(AdditionalGrounds),
      },
      { additionalProperties: false },
    ),
    dryRun: Type.Optional(Type.Boolean({ description: 'alleen tellen wat er zou veranderen; er verandert niets' })),
  },
  { additionalProperties: false },
);

const Prior = Type.Object({ id: Uuid, status: RedactionStatus, ground: Type.String(), additionalGrounds: Type.Array(Type.String()) });

/* One decision for matching redactions in every document of a batch: "Overal lakken" for a name
 * in the whole dossier, and the review app's undo and redo of decisions on many at once. */
export const batchDecisionRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/v1/batches/:id/redactions/bulk',
    {
      config: { roles: ['reviewer'], resource: 'batch' },
      schema: {
        tags: ['review'],
        summary: 'Eén beslissing voor alle overeenkomende lakkingen in de hele batch (of één document ervan)',
        description:
          'Met dryRun: true alleen het aantal (om te bevestigen). Alles of niets: staat een geraakt document niet in beoordeling, dan verandert er niets (409). previous geeft de toestand vóór de beslissing, om die ongedaan te maken.',
        security: bearer,
        params: IdParams,
        body: BatchBulkBody,
        response: {
          200: Type.Object({ documents: Type.Integer(), updated: Type.Integer(), redactions: Type.Array(Redaction), previous: Type.Array(Prior) }),
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      const { set, dryRun } = request.body;
      const match = { ...request.body.match, category: request.body.match.category as Category | undefined };
      if (dryRun) {
        const counts = [...(await countMatchingInBatch(fastify.db, batch.id, match)).values()];
        return { documents: counts.length, updated: counts.reduce((a, b) => a + b, 0), redactions: [], previous: [] };
      }
      const result = await decideMatchingInBatch(fastify.db, batch.id, match, set, request.actor);
      return { documents: result.documents, updated: result.updated.length, redactions: result.updated, previous: result.before };
    },
  );
};
