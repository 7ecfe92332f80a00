import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { JobQueues } from '@woo/jobs';
import type { FastifyPluginAsync } from 'fastify';
import { authenticate } from './auth.js';

const BASE_PATH = '/admin/queues';

/** Bull Board at /admin/queues, for admins only (Bearer token, or Basic auth with the token as
 * password so a browser can open it). */
export const bullBoardPlugin: FastifyPluginAsync = async (fastify) => {
  // jobs run in the process itself (the demo without Redis): there are no queues to show
  if (!(fastify.jobs instanceof JobQueues)) return;
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BASE_PATH);
  createBullBoard({ queues: Object.values(fastify.jobs.queues).map((q) => new BullMQAdapter(q)), serverAdapter });
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        if (!request.headers.authorization) {
          // makes the browser show its login dialog; the token goes in the password field
          return reply
            .code(401)
            .header('www-authenticate', 'Basic realm="woo-redact"')
            .send({ statusCode: 401, error: 'Unauthorized', message: 'Niet aangemeld: gebruik een admin-token als wachtwoord.' });
        }
        return authenticate(request, reply, ['admin']);
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: BASE_PATH },
  );
};
