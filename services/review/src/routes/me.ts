import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { bearer, errorResponses } from '@woo/http';

/* Who the token belongs to: the review app logs in with it and shows what the role may do. */
export const meRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/v1/me',
    {
      config: { roles: ['coordinator', 'reviewer', 'publisher'] },
      schema: {
        tags: ['review'],
        summary: 'Naam, rol en teams van dit token',
        security: bearer,
        response: { 200: Type.Object({ name: Type.String(), role: Type.String(), teams: Type.Array(Type.String()) }), ...errorResponses() },
      },
    },
    async (request) => ({ name: request.actor.name, role: request.actor.role, teams: request.actor.teams }),
  );
};
