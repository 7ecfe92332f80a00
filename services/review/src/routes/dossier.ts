import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PERSONAL_DATA_GROUND } from '@woo/core';
import {
  allowInconsistency,
  batchDuplicates,
  batchInconsistencies,
  decideEntityInBatch,
  getBatch,
  listAllowances,
  listBatchRules,
  previewEntityDecision,
} from '@woo/db';
import { bearer, errorResponses, ExportPolicy, Ground, IdParams, notFound, RedactionStatus, Uuid } from '@woo/http';
import { asExportedUnder, Inconsistency } from '../dossier-schemas.js';

const Entity = Type.Union([
  Type.Object({ kind: Type.Literal('person'), name: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('email'), value: Type.String({ minLength: 3, maxLength: 320, pattern: '@' }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('phone'), value: Type.String({ minLength: 6, maxLength: 40 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('text'), value: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
]);

const DecisionBody = Type.Object(
  {
    entity: Entity,
    set: Type.Object(
      { status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]), ground: Type.Optional(Ground) },
      { additionalProperties: false },
    ),
    dryRun: Type.Optional(Type.Boolean({ description: 'alleen per document tellen wat er zou veranderen; er verandert niets' })),
  },
  { additionalProperties: false },
);

const PlanItem = Type.Object({ documentId: Uuid, number: Type.Integer(), filename: Type.String(), changed: Type.Integer(), added: Type.Integer() });
const Prior = Type.Object({ id: Uuid, status: RedactionStatus, ground: Type.String() });

/* Dossier-level review (issue 10): decide an entity once for the whole batch, the consistency
 * check that gates the batch export, and the batch's duplicates. */
export const dossierRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/v1/batches/:id/decisions',
    {
      config: { roles: ['reviewer'], resource: 'batch' },
      schema: {
        tags: ['review'],
        summary: 'Eén besluit over een persoon (met alle naamvarianten), e-mailadres, telefoonnummer of tekst voor de hele batch',
        description:
          'Met dryRun: true alleen per document het aantal lakkingen dat verandert (changed) en dat wordt toegevoegd (added). ' +
          'Het besluit geldt ook voor documenten die later worden toegevoegd of opnieuw worden gedetecteerd; het auditlog krijgt één regel met de reikwijdte.',
        security: bearer,
        params: IdParams,
        body: DecisionBody,
        response: {
          200: Type.Object({
            ruleId: Type.Optional(Uuid),
            variants: Type.Array(Type.String()),
            documents: Type.Array(PlanItem),
            changed: Type.Integer(),
            added: Type.Integer(),
            previous: Type.Array(Prior),
          }),
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      const { entity, set, dryRun } = request.body;
      const decision = { entity, status: set.status, ground: set.ground ?? PERSONAL_DATA_GROUND };
      const total = (docs: ReadonlyArray<{ changed: number; added: number }>) => ({
        changed: docs.reduce((n, d) => n + d.changed, 0),
        added: docs.reduce((n, d) => n + d.added, 0),
      });
      if (dryRun) {
        const preview = await previewEntityDecision(fastify.db, batch.id, decision);
        return { variants: preview.variants, documents: preview.documents, ...total(preview.documents), previous: [] };
      }
      const result = await decideEntityInBatch(fastify.db, batch.id, decision, request.actor);
      return { ruleId: result.rule.id, variants: result.rule.variants, documents: result.documents, ...total(result.documents), previous: result.previous };
    },
  );

  fastify.get(
    '/v1/batches/:id/decisions',
    {
      config: { roles: ['coordinator', 'reviewer'], resource: 'batch' },
      schema: {
        tags: ['review'],
        summary: 'De besluiten die voor de hele batch gelden',
        security: bearer,
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              id: Uuid,
              entity: Entity,
              variants: Type.Array(Type.String()),
              status: Type.String(),
              ground: Type.String(),
              createdBy: Type.String(),
              createdAt: Type.String({ format: 'date-time' }),
            }),
          ),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      return listBatchRules(fastify.db, batch.id);
    },
  );

  fastify.get(
    '/v1/batches/:id/consistency',
    {
      config: { roles: ['coordinator', 'reviewer'], resource: 'batch' },
      schema: {
        tags: ['review'],
        summary: 'Wat in het ene document gelakt is en in een ander leesbaar blijft',
        description: 'Zoals de export met deze policy het zou publiceren. Zolang deze lijst niet leeg is, weigert de batch-export (409).',
        security: bearer,
        params: IdParams,
        querystring: Type.Object({ policy: Type.Optional(ExportPolicy) }),
        response: {
          200: Type.Object({
            inconsistencies: Type.Array(Inconsistency),
            allowed: Type.Array(Type.Object({ key: Type.String(), reason: Type.String(), allowedBy: Type.String(), allowedAt: Type.String() })),
          }),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      const inconsistencies = await batchInconsistencies(fastify.db, batch.id, asExportedUnder(request.query.policy ?? 'accepted-only'));
      return { inconsistencies, allowed: await listAllowances(fastify.db, batch.id) };
    },
  );

  fastify.post(
    '/v1/batches/:id/consistency/allow',
    {
      config: { roles: ['coordinator', 'reviewer'], resource: 'batch' },
      schema: {
        tags: ['review'],
        summary: 'Toestaan dat een tekst elders in de batch leesbaar blijft (met reden; komt in het auditlog)',
        security: bearer,
        params: IdParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 500 }), reason: Type.String({ minLength: 3, maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ allowed: Type.Boolean() }), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      return { allowed: await allowInconsistency(fastify.db, batch.id, request.body.text, request.body.reason, request.actor) };
    },
  );

  fastify.get(
    '/v1/batches/:id/duplicates',
    {
      config: { roles: ['coordinator', 'reviewer'], resource: 'batch' },
      schema: {
        tags: ['review'],
        summary: 'Dubbele documenten en bijna-dubbele pagina\'s (≥ 95% gelijke tekst) in de batch',
        description: 'duplicateOf en ofDocument zijn documentnummers (Nr. in de inventarislijst). Een duplicaat neemt bij de export de besluiten van het origineel over.',
        security: bearer,
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              documentId: Uuid,
              number: Type.Integer(),
              duplicateOf: Type.Optional(Type.Integer()),
              nearDuplicatePages: Type.Array(Type.Object({ page: Type.Integer(), ofDocument: Type.Integer(), ofPage: Type.Integer(), similarity: Type.Number() })),
            }),
          ),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      return batchDuplicates(fastify.db, batch.id);
    },
  );
};
