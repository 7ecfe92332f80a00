import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { HttpError } from './errors.js';

const MINUTE_MS = 60_000;

function tooMany(ttlMs: number): HttpError {
  return new HttpError(429, `Te veel verzoeken. Probeer het over ${Math.max(1, Math.ceil(ttlMs / 1000))} seconden opnieuw.`);
}

/** Per-token limit for a route, counted once the token is known: add as `config.rateLimit`. */
export function perTokenLimit(max: number) {
  return {
    max,
    timeWindow: MINUTE_MS,
    hook: 'preHandler' as const,
    keyGenerator: (r: FastifyRequest) => `token:${r.actor.id}`,
    errorResponseBuilder: (_r: FastifyRequest, context: { ttl: number }) => tooMany(context.ttl),
  };
}

/** A hook counting requests per `key` (each limiter its own counters; the plugin's own hook
 * would run only once per request, whichever limiter came first). */
function limiter(fastify: FastifyInstance, max: number, keyGenerator: (r: FastifyRequest) => string): onRequestAsyncHookHandler {
  const count = fastify.createRateLimit({ max, timeWindow: MINUTE_MS, keyGenerator });
  return async (request, reply) => {
    const result = await count(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header('retry-after', result.ttlInSeconds);
    throw tooMany(result.ttl);
  };
}

/**
 * Security headers, rate limits and caching, before anything else is registered:
 * - helmet: a CSP that allows nothing from elsewhere (so Bull Board's Google Fonts are not
 *   fetched either), no framing, nosniff, HSTS, no referrer;
 * - a limit per client address in onRequest, before the token is even looked up, and one per
 *   token once it is known (stricter limits per route via `config.rateLimit`);
 * - `Cache-Control: no-store` on every /v1 response: they carry personal data, or decisions on it.
 */
export async function registerHardening(fastify: FastifyInstance): Promise<void> {
  const { config } = fastify;
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await fastify.register(rateLimit, { global: false });
  fastify.addHook('onRequest', limiter(fastify, config.rateLimitPerAddress, (r) => `ip:${r.ip}`));
  const perToken = limiter(fastify, config.rateLimitPerToken, (r) => `token:${r.actor.id}`);
  fastify.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config.roles) await perToken.call(fastify, request, reply);
  });
  fastify.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/v1/')) reply.header('cache-control', 'no-store');
  });
}
