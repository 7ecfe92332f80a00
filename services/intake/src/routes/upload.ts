import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { addDocument, getBatch, type Actor, type DocumentRecord } from '@woo/db';
import { bearer, DocumentSummary, documentSummary, errorResponses, IdParams, notFound, perTokenLimit } from '@woo/http';
import type { FastifyInstance } from 'fastify';
import { displayName, headRecorder, sniffUpload } from '../sniff.js';

/** Stores one uploaded file and records it: queued for processing when it is a PDF or image,
 * failed with a Dutch message otherwise. Nothing about one bad file affects the others. */
async function receiveFile(fastify: FastifyInstance, batchId: string, part: MultipartFile, actor: Actor): Promise<DocumentRecord> {
  const filename = displayName(part.filename);
  const recorder = headRecorder(part.file);
  const { key, size } = await fastify.blobs.put(recorder.stream);
  const kind = sniffUpload(recorder.head(), size, fastify.config.maxUploadBytes, part.file.truncated);
  if (typeof kind !== 'string') {
    await fastify.blobs.delete(key);
    return addDocument(fastify.db, { batchId, filename, sizeBytes: size, rejected: kind }, actor);
  }
  const doc = await addDocument(fastify.db, { batchId, filename, sizeBytes: size, accepted: { kind, originalKey: key } }, actor);
  await fastify.jobs.enqueueExtract(doc.id);
  return doc;
}

export const uploadRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/v1/batches/:id/documents',
    {
      config: { roles: ['coordinator'], resource: 'batch', rateLimit: perTokenLimit(fastify.config.uploadsPerToken) },
      schema: {
        tags: ['intake'],
        summary: 'Documenten uploaden (multipart/form-data, één of meer bestanden)',
        description:
          'PDF, PNG, JPEG of TIFF. Een bestand dat niet verwerkt kan worden (leeg, geen PDF, te groot) krijgt status failed met een Nederlandse foutmelding; de andere bestanden gaan gewoon door.',
        consumes: ['multipart/form-data'],
        security: bearer,
        params: IdParams,
        response: { 202: Type.Array(DocumentSummary), ...errorResponses(400, 404, 406) },
      },
    },
    async (request, reply) => {
      const batch = await getBatch(fastify.db, request.params.id);
      if (!batch) return reply.code(404).send(notFound('Deze batch'));
      if (!request.isMultipart()) {
        return reply.code(406).send({ statusCode: 406, error: 'Not Acceptable', message: 'Stuur de bestanden als multipart/form-data.' });
      }
      const received: DocumentRecord[] = [];
      for await (const part of request.parts()) {
        if (part.type === 'file') received.push(await receiveFile(fastify, batch.id, part, request.actor));
      }
      if (!received.length) {
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'Er zat geen bestand in het verzoek.' });
      }
      return reply.code(202).send(received.map(documentSummary));
    },
  );
};
