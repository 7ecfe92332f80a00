import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { authPlugin } from './auth.js';
import { bullBoardPlugin } from './bull-board.js';
import type { ServiceConfig } from './config.js';
import type { ServiceContext } from './context.js';
import { installErrorHandler } from './errors.js';
import { registerHardening } from './hardening.js';
import { healthRoutes } from './health.js';

export interface ServerOptions {
  config: ServiceConfig;
  context: ServiceContext;
  /** The apps to mount: intake, review, or both (one process in development, `npm run serve`). */
  apps: FastifyPluginAsync[];
  title: string;
  /** Fastify logger option; tests pass false. */
  logger?: boolean | { level: string };
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A Fastify server with what every woo-redact service has: request ids in every log line,
 * Dutch errors, token auth, OpenAPI at /docs, /healthz and /readyz, Bull Board for admins. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { config, context } = options;
  const fastify = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    // a caller's (or proxy's) request id is kept when it looks like one, so logs can be joined
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // behind a reverse proxy, the client's address (for the rate limit and the log) is in X-Forwarded-For
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // a request (upload included) must be complete within this time; headers within Node's 60 s
    requestTimeout: config.requestTimeoutS * 1000,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  fastify.decorate('config', config);
  fastify.decorate('db', context.db);
  fastify.decorate('blobs', context.blobs);
  fastify.decorate('jobs', context.jobs);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandler(fastify);
  await registerHardening(fastify);

  await fastify.register(swagger, {
    openapi: {
      info: { title: options.title, version: '0.1.0', description: 'Woo-lakken: intake, verwerking en beoordeling van documenten.' },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await fastify.register(swaggerUi, { routePrefix: '/docs' });
  await fastify.register(authPlugin);
  await fastify.register(healthRoutes);
  await fastify.register(bullBoardPlugin);
  for (const app of options.apps) await fastify.register(app);
  return fastify;
}
