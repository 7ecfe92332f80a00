import { canAccess, findTokenOwner, type Actor, type Role, type ScopedResource } from '@woo/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { notFound } from './errors.js';

/** The caller of a /v1 route: a valid token, its role and its teams. */
export interface Caller extends Actor {
  id: string;
  role: Role;
  teams: string[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (admins always may). Every /v1 route must declare it: a route
     * without one is refused when it is registered, so nothing is public by accident. */
    roles?: readonly Role[];
    /** What the route's `:id` names. Its batch must belong to one of the caller's teams, or the
     * answer is 404, exactly as for an id that does not exist. */
    resource?: ScopedResource;
  }
  interface FastifyRequest {
    /** Who is calling; set before anything else runs on a /v1 route. */
    actor: Caller;
  }
}

const NOT_FOUND: Record<ScopedResource, string> = { batch: 'Deze batch', document: 'Dit document', redaction: 'Deze lakking' };

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

/** Checks the token and its role; sets `request.actor`, or answers 401/403. */
export async function authenticate(request: FastifyRequest, reply: FastifyReply, roles: readonly Role[]): Promise<FastifyReply | undefined> {
  const token = tokenFrom(request);
  if (!token) return deny(reply, 401, 'Niet aangemeld: stuur een API-token mee als "Authorization: Bearer <token>".');
  const owner = await findTokenOwner(request.server.db, token);
  if (!owner) return deny(reply, 401, 'Dit API-token is ongeldig, verlopen of ingetrokken.');
  if (owner.role !== 'admin' && !roles.includes(owner.role)) {
    return deny(reply, 403, `Geen toegang: hiervoor is de rol ${roles.join(' of ')} nodig; dit token heeft de rol ${owner.role}.`);
  }
  request.actor = owner;
  return undefined;
}

/** Deny by default for the whole /v1 scope: every route declares its roles (and, with an `:id`,
 * what the id names); authentication runs in onRequest, before the body is read, and the team
 * check once the id has been validated. */
export const authPlugin = fp(
  async (fastify) => {
    fastify.decorateRequest('actor', undefined as unknown as Caller);
    fastify.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/v1/')) return;
      if (!route.config?.roles?.length) throw new Error(`${String(route.method)} ${route.url}: every /v1 route needs config.roles`);
      if (route.url.includes(':id') && !route.config.resource) throw new Error(`${String(route.method)} ${route.url}: an :id route needs config.resource`);
    });
    fastify.addHook('onRequest', async (request, reply) => {
      const roles = request.routeOptions.config.roles;
      if (roles) return authenticate(request, reply, roles);
    });
    fastify.addHook('preHandler', async (request, reply) => {
      const resource = request.routeOptions.config.resource;
      if (!resource) return;
      const { id } = request.params as { id: string };
      if (!(await canAccess(fastify.db, resource, id, request.actor))) return reply.code(404).send(notFound(NOT_FOUND[resource]));
    });
  },
  { name: 'woo-auth' },
);
