import { findTokenOwner, type Actor, type Role } from '@woo/db';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for a route: only tokens of these roles (and admin) get through. */
    requireRole(...roles: Role[]): onRequestAsyncHookHandler;
  }
  interface FastifyRequest {
    /** Who is calling; set by `requireRole` before anything else runs. */
    actor: Actor;
  }
}

function tokenFrom(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1];
  // Basic auth with the token as password: how a browser asks for credentials on Bull Board,
  // which it opens as a page and cannot send a Bearer header to.
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1) || undefined;
  }
  return undefined;
}

function deny(reply: FastifyReply, statusCode: 401 | 403, message: string): FastifyReply {
  if (statusCode === 401) reply.header('www-authenticate', 'Bearer realm="woo-redact"');
  return reply.code(statusCode).send({ statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', message });
}

/** Bearer-token authentication. Runs in onRequest, before the body is read: a refused request
 * never reaches a parser, a handler or the database beyond the token lookup. */
export const authPlugin = fp(
  async (fastify) => {
    fastify.decorateRequest('actor', undefined as unknown as Actor);
    fastify.decorate('requireRole', (...roles: Role[]): onRequestAsyncHookHandler => {
      return async (request, reply) => {
        const token = tokenFrom(request);
        if (!token) return deny(reply, 401, 'Niet aangemeld: stuur een API-token mee als "Authorization: Bearer <token>".');
        const owner = await findTokenOwner(fastify.db, token);
        if (!owner) return deny(reply, 401, 'Dit API-token is ongeldig of ingetrokken.');
        if (owner.role !== 'admin' && !roles.includes(owner.role)) {
          return deny(reply, 403, `Geen toegang: hiervoor is de rol ${roles.join(' of ')} nodig; dit token heeft de rol ${owner.role}.`);
        }
        request.actor = { name: owner.name, role: owner.role };
      };
    });
  },
  { name: 'woo-auth' },
);
