import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { getDocument, listCheckedPages, setPageChecked } from '@woo/db';
import { bearer, errorResponses, IdParams, notFound } from '@woo/http';

const CheckedPages = Type.Object({ checkedPages: Type.Array(Type.Integer({ minimum: 1 }), { description: 'pagina\'s die een beoordelaar als gecontroleerd heeft gemarkeerd' }) });

/* The page checklist: a reviewer marks each page as checked once they have looked at all of it,
 * missed data included, not only at its suggestions. */
export const pageCheckRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/v1/documents/:id/page-checks',
    {
      config: { roles: ['coordinator', 'reviewer'], resource: 'document' },
      schema: { tags: ['review'], summary: "Gecontroleerde pagina's van een document", security: bearer, params: IdParams, response: { 200: CheckedPages, ...errorResponses(404) } },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      return { checkedPages: await listCheckedPages(fastify.db, doc.id) };
    },
  );

  fastify.put(
    '/v1/documents/:id/page-checks',
    {
      config: { roles: ['reviewer'], resource: 'document' },
      schema: {
        tags: ['review'],
        summary: 'Een pagina als gecontroleerd markeren, of de markering weghalen',
        security: bearer,
        params: IdParams,
        body: Type.Object({ page: Type.Integer({ minimum: 1 }), checked: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: CheckedPages, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      const { page, checked } = request.body;
      if (page > doc.pageCount) {
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `Pagina ${page} bestaat niet; het document heeft ${doc.pageCount} pagina's.` });
      }
      return { checkedPages: await setPageChecked(fastify.db, doc.batchId, doc.id, page, checked, request.actor) };
    },
  );
};
