import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { appendAudit, countRedactions, getDocument, listDocumentAudit, loadExtractedDocument, needsConversion, pagesNeedingOcr, retryDocument } from '@woo/db';
import { retryFlow } from '@woo/jobs';
import { readingFindings } from '@woo/publication';
import { bearer, documentOrigin, DocumentOrigin, DocumentStatus, errorResponses, IdParams, notFound, PdfFile, Uuid } from '@woo/http';
import { sourceDisposition, sourceFileName } from '../source-file.js';

const Counts = Type.Object({ suggested: Type.Integer(), accepted: Type.Integer(), rejected: Type.Integer(), manual: Type.Integer() });

const DocumentDetail = Type.Object({
  id: Uuid,
  batchId: Uuid,
  ...DocumentOrigin,
  filename: Type.String(),
  status: DocumentStatus,
  pages: Type.Integer(),
  error: Type.Optional(Type.String()),
  exportPolicy: Type.Union([Type.String(), Type.Null()]),
  counts: Counts,
  findings: Type.Array(
    Type.Object({ page: Type.Integer(), kind: Type.Union([Type.Literal('hidden-text'), Type.Literal('unread')]), message: Type.String() }),
    { description: 'Hoe het document is gelezen: verborgen tekst (niet gepubliceerd) en delen die niet met zekerheid gelezen konden worden' },
  ),
});

const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()], { description: 'id van het API-token' }),
  role: Type.String(),
  action: Type.String(),
  redactionId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const documentRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const readers = { roles: ['coordinator', 'reviewer'], resource: 'document' } as const;

  fastify.get(
    '/v1/documents/:id',
    {
      config: readers,
      schema: { tags: ['review'], summary: 'Document: status, pagina\'s en aantallen per beslissing', security: bearer, params: IdParams, response: { 200: DocumentDetail, ...errorResponses(404) } },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      return {
        id: doc.id,
        batchId: doc.batchId,
        ...documentOrigin(doc),
        filename: doc.filename,
        status: doc.status,
        pages: doc.pageCount,
        ...(doc.errorMessage ? { error: doc.errorMessage } : {}),
        exportPolicy: doc.exportPolicy,
        counts: await countRedactions(fastify.db, doc.id),
        findings: readingFindings(await loadExtractedDocument(fastify.db, doc.id)),
      };
    },
  );

  fastify.post(
    '/v1/documents/:id/retry',
    {
      config: { roles: ['coordinator'], resource: 'document' },
      schema: {
        tags: ['review'],
        summary: 'Niet-verwerkt document opnieuw verwerken',
        description:
          'Voor een document met status failed (bijvoorbeeld na een tijdelijke storing). Het gaat verder na de laatste geslaagde stap: beoordeling als de detectie klaar was, anders OCR, detectie of het inlezen.',
        security: bearer,
        params: IdParams,
        response: { 202: Type.Object({ id: Uuid, status: DocumentStatus }), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      const stage = await retryDocument(fastify.db, doc.id, request.actor);
      if (stage !== 'in_review') {
        const retried = stage === 'queued' ? await getDocument(fastify.db, doc.id) : undefined;
        const from = retried ? (needsConversion(retried) ? 'convert' : 'extract') : stage === 'ocr' ? 'ocr' : 'detect';
        const flow = retryFlow(doc.batchId, doc.id, from, from === 'ocr' ? await pagesNeedingOcr(fastify.db, doc.id) : []);
        // jobs of an earlier attempt are kept under the same ids: the new ones would be no-ops
        await fastify.jobs.forget([flow.parent, ...flow.children]);
        await fastify.jobs.startFlow(flow);
      }
      return reply.code(202).send({ id: doc.id, status: stage });
    },
  );

  fastify.get(
    '/v1/documents/:id/audit',
    {
      config: readers,
      schema: { tags: ['review'], summary: 'Auditlog van het document (elke beslissing, wie en wanneer)', security: bearer, params: IdParams, response: { 200: Type.Array(AuditEntry), ...errorResponses(404) } },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      return (await listDocumentAudit(fastify.db, doc.id)).map(({ id, at, actor, actorId, role, action, redactionId, details }) => ({ id, at, actor, actorId, role, action, redactionId, details }));
    },
  );

  fastify.get(
    '/v1/documents/:id/original.pdf',
    {
      config: readers,
      schema: {
        tags: ['review'],
        summary: 'Het ongelakte bronbestand als PDF, om naast de voorstellen te tonen',
        security: bearer,
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: PdfFile, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      if (!doc.pdfKey) return reply.code(409).send({ statusCode: 409, error: 'Conflict', message: 'Er is (nog) geen PDF van dit document.' });
      await appendAudit(fastify.db, request.actor, { action: 'original.downloaded', batchId: doc.batchId, documentId: doc.id });
      return reply.type('application/pdf').header('cache-control', 'no-store').send(fastify.blobs.stream(doc.pdfKey));
    },
  );

  fastify.get(
    '/v1/documents/:id/source',
    {
      config: readers,
      schema: {
        tags: ['review'],
        summary: 'Het bronbestand zoals het is aangeleverd (e-mail, Office-bestand, zip, bijlage, PDF of afbeelding)',
        description: 'Voor een omgezet document is dit het bestand vóór de omzetting naar PDF; voor een bijlage het bijgevoegde bestand zelf. Niet voor publicatie.',
        security: bearer,
        params: IdParams,
        produces: ['application/octet-stream'],
        response: { 200: PdfFile, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      if (!doc.sourceKey) return reply.code(409).send({ statusCode: 409, error: 'Conflict', message: 'Dit bestand is bij de upload geweigerd en niet bewaard.' });
      await appendAudit(fastify.db, request.actor, { action: 'source.downloaded', batchId: doc.batchId, documentId: doc.id });
      return reply
        .type('application/octet-stream')
        .header('content-disposition', sourceDisposition(sourceFileName(doc)))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(fastify.blobs.stream(doc.sourceKey));
    },
  );
};
