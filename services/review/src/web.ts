import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** Where `npm install` (or `npm run build -w @woo/review-web`) puts the built review app. */
export const WEB_DIST = process.env.REVIEW_WEB_DIST ?? fileURLToPath(new URL('../../review-web/dist', import.meta.url));

/** The review app at `/`, on the same origin as the API, so its token never crosses origins and
 * the CSP can stay at 'self'. Hashed assets are cached for good; index.html never. */
export const webApp: FastifyPluginAsync = async (fastify) => {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    fastify.log.warn({ dir: WEB_DIST }, 'review app not built (run `npm run build -w @woo/review-web`); serving the API only');
    return;
  }
  await fastify.register(fastifyStatic, {
    root: WEB_DIST,
    index: 'index.html',
    cacheControl: false,
    setHeaders(res, file) {
      res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
};
