import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { addOrgListEntries, ORG_LISTS, readOrgLists, removeOrgListEntry } from '@woo/db';
import { bearer, errorResponses } from '@woo/http';

const ListName = Type.Unsafe<(typeof ORG_LISTS)[number]>({
  type: 'string',
  enum: [...ORG_LISTS],
  description: 'officials: bestuurders die zichtbaar blijven; mailboxes: functionele mailboxen van de organisatie; keep: altijd zichtbaar; redact: altijd lakken',
});
const ListParams = Type.Object({ list: ListName });
const Names = Type.Array(Type.String());
const Lists = Type.Object({ officials: Names, mailboxes: Names, keep: Names, redact: Names });

/* The organisation's own keep and redact lists, applied to every batch (issue 10). They are
 * organisation-wide, so only coordinators and admins change them; every change is audited. */
export const orgListRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/v1/org-lists',
    {
      config: { roles: ['coordinator', 'reviewer'] },
      schema: { tags: ['lijsten'], summary: 'De lijsten van de organisatie die voor elke batch gelden', security: bearer, response: { 200: Lists, ...errorResponses() } },
    },
    async () => readOrgLists(fastify.db),
  );

  fastify.post(
    '/v1/org-lists/:list',
    {
      config: { roles: ['coordinator'] },
      schema: {
        tags: ['lijsten'],
        summary: 'Namen of teksten aan een lijst toevoegen (wat er al op staat blijft staan)',
        description: 'Geldt voor documenten die daarna worden gedetecteerd.',
        security: bearer,
        params: ListParams,
        body: Type.Object({ values: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ added: Type.Array(Type.String()) }), ...errorResponses(400) },
      },
    },
    async (request) => ({ added: await addOrgListEntries(fastify.db, request.params.list, request.body.values, request.actor) }),
  );

  fastify.delete(
    '/v1/org-lists/:list',
    {
      config: { roles: ['coordinator'] },
      schema: {
        tags: ['lijsten'],
        summary: 'Eén naam of tekst van een lijst halen',
        security: bearer,
        params: ListParams,
        querystring: Type.Object({ value: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 204: Type.Null(), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      if (!(await removeOrgListEntry(fastify.db, request.params.list, request.query.value, request.actor))) {
        return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `'${request.query.value}' staat niet op de lijst ${request.params.list}.` });
      }
      return reply.code(204).send(null);
    },
  );
};
