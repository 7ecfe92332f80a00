import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { batchRoutes } from './routes/batches.js';
import { uploadRoutes } from './routes/upload.js';

/** The intake service: coordinators create batches and upload documents into them. */
export const intakeApp: FastifyPluginAsync = async (fastify) => {
  await fastify.register(multipart, {
    // an oversized file is cut off and recorded as failed instead of failing the whole upload
    throwFileSizeLimit: false,
    limits: { fileSize: fastify.config.maxUploadBytes, files: fastify.config.maxFilesPerUpload, fields: 20, fieldSize: 4096 },
  });
  await fastify.register(batchRoutes);
  await fastify.register(uploadRoutes);
};

export default intakeApp;
