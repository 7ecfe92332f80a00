import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PERSONAL_DATA_GROUND } from '@woo/core';
import { addManualRedactionsInDocuments, getBatch, type ManualRedaction } from '@woo/db';
import { AdditionalGrounds, bearer, Box, errorResponses, Ground, IdParams, notFound, Redaction, Uuid } from '@woo/http';
import { searchBatch } from '../search.js';

const SearchText = Type.String({ minLength: 1, maxLength: 500, description: 'woord of woordgroep; alleen hele woorden, hoofdletters maken niet uit' });

const Hit = Type.Object({
  page: Type.Integer(),
  boxes: Type.Array(Box),
  text: Type.String(),
  context: Type.String({ description: 'de woorden eromheen' }),
  redacted: Type.Boolean({ description: 'al bedekt door een lakking die wordt toegepast' }),
});

const SearchResult = Type.Object({
  documents: Type.Array(Type.Object({ documentId: Uuid, filename: Type.String(), hits: Type.Array(Hit) })),
  notSearchable: Type.Array(Type.String(), { description: 'bestanden die nu nog niet doorzocht kunnen worden (nog in verwerking of mislukt)' }),
});

const RedactHitsBody = Type.Object(
  {
    text: SearchText,
    ground: Type.Optional(Ground),
    additionalGrounds: Type.Optional(AdditionalGrounds),
    documentIds: Type.Optional(Type.Array(Uuid, { minItems: 1, description: 'alleen in deze documenten van de batch' })),
  },
  { additionalProperties: false },
);

/* Search a word or phrase across the whole batch, and redact every hit that is not covered yet
 * as manual redactions with a ground: audited like every other decision. */
export const batchSearchRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/v1/batches/:id/search',
    {
      config: { roles: ['coordinator', 'reviewer'], resource: 'batch' },
      schema: {
        tags: ['review'],
        summary: 'Een woord of woordgroep zoeken in alle documenten van de batch (hele woorden)',
        security: bearer,
        params: IdParams,
        querystring: Type.Object({ text: SearchText }),
        response: { 200: SearchResult, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      return searchBatch(fastify.db, batch.id, request.query.text);
    },
  );

  fastify.post(
    '/v1/batches/:id/search/redactions',
    {
      config: { roles: ['reviewer'], resource: 'batch' },
      schema: {
        tags: ['review'],
        summary: 'Elke treffer van een zoekopdracht in de batch lakken (handmatige lakkingen met een grond)',
        description: 'Treffers die al gelakt zijn, worden overgeslagen. Alles of niets: kan één document nu niet worden beoordeeld, dan verandert er niets (409).',
        security: bearer,
        params: IdParams,
        body: RedactHitsBody,
        response: { 201: Type.Object({ documents: Type.Integer(), redactions: Type.Array(Redaction) }), ...errorResponses(400, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      const { text, ground, additionalGrounds, documentIds } = request.body;
      const only = documentIds && new Set(documentIds);
      const found = (await searchBatch(fastify.db, batch.id, text)).documents.filter((d) => !only || only.has(d.documentId));
      const itemsByDocument = new Map<string, ManualRedaction[]>();
      for (const d of found) {
        const open = d.hits.filter((h) => !h.redacted).map(({ page, boxes, text: hitText }) => ({ page, boxes, text: hitText }));
        if (open.length) itemsByDocument.set(d.documentId, open);
      }
      if (!itemsByDocument.size) {
        const message = found.length ? `Elke treffer van '${text}' is al gelakt.` : `De tekst '${text}' komt als heel woord in geen enkel document van deze batch voor.`;
        return reply.code(422).send({ statusCode: 422, error: 'Unprocessable Entity', message });
      }
      const added = await addManualRedactionsInDocuments(fastify.db, itemsByDocument, { ground: ground ?? PERSONAL_DATA_GROUND, ...(additionalGrounds ? { additionalGrounds } : {}) }, request.actor);
      return reply.code(201).send({ documents: itemsByDocument.size, redactions: added });
    },
  );
};
