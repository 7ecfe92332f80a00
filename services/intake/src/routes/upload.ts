import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { BatchFullError, findUpload, needsConversion, recordUpload, type NewDocument, type UploadKey } from '@woo/db';
import { readFlow } from '@woo/jobs';
import { bearer, DocumentSummary, documentSummary, errorResponses, HttpError, IdParams, perTokenLimit } from '@woo/http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { displayName, headRecorder, sniffUpload, unreadableName } from '../sniff.js';

/** Stores one uploaded file, and says how to record it: queued for processing when it is a PDF,
 * image, e-mail, Office file or zip, failed with a Dutch message otherwise (its bytes are not kept). */
async function receiveFile(fastify: FastifyInstance, batchId: string, part: MultipartFile): Promise<NewDocument> {
  const filename = displayName(part.filename);
  const recorder = headRecorder(part.file);
  const { key, size } = await fastify.blobs.put(recorder.stream);
  const kind = unreadableName(part.filename) ?? sniffUpload(filename, recorder.head(), size, fastify.config.maxUploadBytes, part.file.truncated);
  if (typeof kind !== 'string') {
    await fastify.blobs.delete(key);
    return { batchId, filename, sizeBytes: size, rejected: kind };
  }
  return { batchId, filename, sizeBytes: size, accepted: { kind, originalKey: key } };
}

async function deleteBlobs(fastify: FastifyInstance, docs: readonly NewDocument[]): Promise<void> {
  await Promise.all(docs.map((d) => d.accepted && fastify.blobs.delete(d.accepted.originalKey)));
}

/** Every file of the request, stored; when the request fails halfway (too many files, a broken
 * connection), what was stored of it is removed again. */
async function receiveAll(fastify: FastifyInstance, request: FastifyRequest, batchId: string): Promise<NewDocument[]> {
  const received: NewDocument[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') received.push(await receiveFile(fastify, batchId, part));
    }
    return received;
  } catch (err) {
    await deleteBlobs(fastify, received);
    throw err;
  }
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** The request's Idempotency-Key (visible ASCII, at most 200 characters), if it has one. */
function idempotencyKey(request: FastifyRequest, batchId: string): UploadKey | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError(400, 'Ongeldige Idempotency-Key: gebruik hooguit 200 zichtbare ASCII-tekens, bijvoorbeeld een UUID.');
  }
  return { batchId, tokenId: request.actor.id, key };
}

export const uploadRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { maxUploadRequestBytes } = fastify.config;
  fastify.post(
    '/v1/batches/:id/documents',
    {
      config: { roles: ['coordinator'], resource: 'batch', rateLimit: perTokenLimit(fastify.config.uploadsPerToken) },
      schema: {
        tags: ['intake'],
        summary: 'Documenten uploaden (multipart/form-data, één of meer bestanden)',
        description:
          'PDF, PNG, JPEG, TIFF, e-mail (.eml, .msg), Office (Word, Excel, PowerPoint, OpenDocument, RTF) en zip. E-mail, Office en zip worden eerst omgezet naar PDF; elke bijlage en elk bestand uit een zip wordt een eigen document in de batch. ' +
          'Een bestand dat niet verwerkt kan worden (leeg, onbekend type, te groot) krijgt status failed met een Nederlandse foutmelding; de andere bestanden gaan gewoon door. ' +
          'Een upload wordt helemaal of helemaal niet vastgelegd. Met een Idempotency-Key-header levert een herhaald verzoek (na een time-out) de documenten van het eerste verzoek op, zonder kopieën.',
        consumes: ['multipart/form-data'],
        security: bearer,
        params: IdParams,
        response: { 202: Type.Array(DocumentSummary), ...errorResponses(400, 404, 406, 413) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        return reply.code(406).send({ statusCode: 406, error: 'Not Acceptable', message: 'Stuur de bestanden als multipart/form-data.' });
      }
      // before a byte is stored: a request announcing more than the limit is refused whole
      if (Number(request.headers['content-length'] ?? 0) > maxUploadRequestBytes) {
        throw new HttpError(413, `Deze upload is groter dan de toegestane ${Math.round(maxUploadRequestBytes / (1024 * 1024))} MB per verzoek; er is niets opgeslagen. Verdeel de bestanden over meer uploads.`);
      }
      const key = idempotencyKey(request, request.params.id);
      const earlier = key && (await findUpload(fastify.db, key));
      if (earlier) return reply.code(202).header('idempotent-replayed', 'true').send(earlier.map(documentSummary));
      const received = await receiveAll(fastify, request, request.params.id);
      if (!received.length) {
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'Er zat geen bestand in het verzoek.' });
      }
      const recorded = await recordUpload(fastify.db, received, request.actor, key, fastify.config.maxDocumentsPerBatch).catch(async (err: unknown) => {
        await deleteBlobs(fastify, received);
        throw err instanceof BatchFullError ? new HttpError(413, err.message) : err;
      });
      if (recorded.replayed) {
        await deleteBlobs(fastify, received);
        reply.header('idempotent-replayed', 'true');
      }
      const queued = recorded.replayed ? [] : recorded.documents.filter((d) => d.status === 'queued');
      const toConvert = new Set(queued.filter(needsConversion).map((d) => d.id));
      if (queued.length) await fastify.jobs.startFlow(readFlow(request.params.id, queued.map((d) => d.id), toConvert));
      return reply.code(202).send(recorded.documents.map(documentSummary));
    },
  );
};
