import type { FastifyPluginAsync } from 'fastify';
import { documentRoutes } from './routes/documents.js';
import { exportRoutes } from './routes/exports.js';
import { redactionRoutes } from './routes/redactions.js';

/** The review service: reviewers decide on every suggestion; coordinators export the result. */
export const reviewApp: FastifyPluginAsync = async (fastify) => {
  await fastify.register(documentRoutes);
  await fastify.register(redactionRoutes);
  await fastify.register(exportRoutes);
};

export default reviewApp;
