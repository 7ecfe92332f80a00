import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const Health = Type.Object({ status: Type.String(), redis: Type.Optional(Type.Boolean()), postgres: Type.Optional(Type.Boolean()) });

/** /healthz: the process is up. /readyz: it can do its work (Redis and the database answer). */
export const healthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/healthz', { schema: { tags: ['health'], response: { 200: Health } } }, async () => ({ status: 'ok' }));

  fastify.get('/readyz', { schema: { tags: ['health'], response: { 200: Health, 503: Health } } }, async (_request, reply) => {
    const [redis, postgres] = await Promise.all([
      fastify.jobs.ping(),
      fastify.db.query('SELECT 1').then(
        () => true,
        () => false,
      ),
    ]);
    const ready = redis && postgres;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', redis, postgres });
  });
};
