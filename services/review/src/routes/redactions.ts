import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PERSONAL_DATA_GROUND, type Category } from '@woo/core';
import {
  addManualRedactions,
  decideMatching,
  decideRedaction,
  getDocument,
  listRedactions,
  loadExtractedDocument,
  type ManualRedaction,
} from '@woo/db';
import { AdditionalGrounds, bearer, Box, errorResponses, Ground, IdParams, notFound, Redaction, RedactionStatus } from '@woo/http';
import { boxOutsidePage, findOccurrences, snapToWords, wordsUnder } from '../manual.js';

const Decision = Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]);

const ManualBody = Type.Union([
  Type.Object(
    {
      page: Type.Integer({ minimum: 1 }),
      boxes: Type.Array(Box, { minItems: 1, maxItems: 100 }),
      ground: Type.Optional(Ground),
      additionalGrounds: Type.Optional(AdditionalGrounds),
      snap: Type.Optional(Type.Boolean({ description: 'elk vak vervangen door de vakken van de woorden die het raakt' })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { text: Type.String({ minLength: 1, maxLength: 500 }), ground: Type.Optional(Ground), additionalGrounds: Type.Optional(AdditionalGrounds) },
    { additionalProperties: false },
  ),
]);

const BulkBody = Type.Object({
  match: Type.Object(
    { category: Type.Optional(Type.String()), text: Type.Optional(Type.String({ minLength: 1 })), status: Type.Optional(RedactionStatus) },
    { minProperties: 1 },
  ),
  set: Type.Object({ status: Decision, ground: Type.Optional(Ground), additionalGrounds: Type.Optional(AdditionalGrounds) }),
});

/* Responses are serialised through the Redaction schema, which leaves out internal fields. */
export const redactionRoutes: FastifyPluginAsyncTypebox = async (fastify) => {

  fastify.get(
    '/v1/documents/:id/redactions',
    {
      config: { roles: ['coordinator', 'reviewer'], resource: 'document' },
      schema: { tags: ['review'], summary: 'Voorstellen en lakkingen van een document', security: bearer, params: IdParams, response: { 200: Type.Array(Redaction), ...errorResponses(404) } },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      return (await listRedactions(fastify.db, doc.id));
    },
  );

  fastify.patch(
    '/v1/redactions/:id',
    {
      config: { roles: ['reviewer'], resource: 'redaction' },
      schema: {
        tags: ['review'],
        summary: 'Een voorstel accepteren of afwijzen (optioneel met een andere weigeringsgrond)',
        security: bearer,
        params: IdParams,
        body: Type.Object({ status: Decision, ground: Type.Optional(Ground), additionalGrounds: Type.Optional(AdditionalGrounds) }, { additionalProperties: false }),
        response: { 200: Redaction, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const updated = await decideRedaction(fastify.db, request.params.id, request.body, request.actor);
      if (!updated) return reply.code(404).send(notFound('Deze lakking'));
      return updated;
    },
  );

  fastify.post(
    '/v1/documents/:id/redactions',
    {
      config: { roles: ['reviewer'], resource: 'document' },
      schema: {
        tags: ['review'],
        summary: 'Handmatig lakken: vakken op een pagina, of een tekst (elk voorkomen in het document)',
        security: bearer,
        params: IdParams,
        body: ManualBody,
        response: { 201: Type.Array(Redaction), ...errorResponses(400, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      const body = request.body;
      const extracted = await loadExtractedDocument(fastify.db, doc.id);
      let items: ManualRedaction[];
      if ('text' in body) {
        items = findOccurrences(extracted, body.text);
        if (!items.length) {
          return reply.code(422).send({ statusCode: 422, error: 'Unprocessable Entity', message: `De tekst '${body.text}' komt niet voor in dit document.` });
        }
      } else {
        const page = extracted.pages.find((p) => p.number === body.page);
        if (!page) {
          return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `Pagina ${body.page} bestaat niet; het document heeft ${extracted.pages.length} pagina's.` });
        }
        const outside = boxOutsidePage(page, body.boxes);
        if (outside !== undefined) {
          return reply.code(400).send({
            statusCode: 400,
            error: 'Bad Request',
            message: `Vak ${outside} valt (deels) buiten pagina ${page.number} of is leeg; de pagina is ${Math.round(page.width)} × ${Math.round(page.height)} punten (x, y vanaf linksboven).`,
          });
        }
        const boxes = body.snap ? snapToWords(page, body.boxes) : body.boxes;
        items = [{ page: body.page, boxes, text: wordsUnder(page, boxes) }];
      }
      const grounds = { ground: body.ground ?? PERSONAL_DATA_GROUND, ...(body.additionalGrounds ? { additionalGrounds: body.additionalGrounds } : {}) };
      const added = await addManualRedactions(fastify.db, doc.id, items, grounds, request.actor);
      return reply.code(201).send(added);
    },
  );

  fastify.post(
    '/v1/documents/:id/redactions/bulk',
    {
      config: { roles: ['reviewer'], resource: 'document' },
      schema: {
        tags: ['review'],
        summary: 'Eén beslissing voor alle lakkingen die overeenkomen, bijv. elk voorkomen van een naam',
        security: bearer,
        params: IdParams,
        body: BulkBody,
        response: { 200: Type.Object({ updated: Type.Integer(), redactions: Type.Array(Redaction) }), ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      const { match, set } = request.body;
      const updated = await decideMatching(fastify.db, doc.id, { ...match, category: match.category as Category | undefined }, set, request.actor);
      return { updated: updated.length, redactions: updated };
    },
  );
};
