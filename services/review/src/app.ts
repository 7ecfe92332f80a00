import type { FastifyPluginAsync } from 'fastify';
import { batchDecisionRoutes } from './routes/batch-decisions.js';
import { batchSearchRoutes } from './routes/batch-search.js';
import { confidentialReportRoutes } from './routes/confidential-reports.js';
import { documentRoutes } from './routes/documents.js';
import { dossierRoutes } from './routes/dossier.js';
import { exportRoutes } from './routes/exports.js';
import { publicBatchRoutes } from './routes/public-batches.js';
import { publicFileRoutes } from './routes/public-files.js';
import { meRoutes } from './routes/me.js';
import { orgListRoutes } from './routes/org-lists.js';
import { pageCheckRoutes } from './routes/page-checks.js';
import { redactionRoutes } from './routes/redactions.js';
import { webApp } from './web.js';

/** The review service: reviewers decide on every suggestion; coordinators export the result; the
 * review app for the browser at `/`. */
export const reviewApp: FastifyPluginAsync = async (fastify) => {
  await fastify.register(meRoutes);
  await fastify.register(documentRoutes);
  await fastify.register(redactionRoutes);
  await fastify.register(batchDecisionRoutes);
  await fastify.register(dossierRoutes);
  await fastify.register(orgListRoutes);
  await fastify.register(batchSearchRoutes);
  await fastify.register(pageCheckRoutes);
  await fastify.register(exportRoutes);
  await fastify.register(publicFileRoutes);
  await fastify.register(publicBatchRoutes);
  await fastify.register(confidentialReportRoutes);
  await fastify.register(webApp);
};

export default reviewApp;
