import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { getDocument } from '@woo/db';
import { bearer, errorResponses, IdParams, notFound } from '@woo/http';
import { batchProcessingLog, CONFIDENTIAL_TAG, documentReport, REPORTED } from '../confidential.js';
import { attachment } from '../publication.js';

const NullableString = (options: { description?: string; format?: string } = {}) => Type.Union([Type.String(options), Type.Null()]);

const OcrPage = Type.Object({ page: Type.Integer(), confidence: Type.Integer(), lowConfidence: Type.Boolean() });
const Finding = Type.Object({ page: Type.Integer(), kind: Type.String(), message: Type.String() });

const ReportedRedaction = Type.Object({
  id: Type.String(),
  page: Type.Integer(),
  text: Type.String({ description: 'De gelakte tekst zelf' }),
  category: Type.String(),
  categoryLabel: Type.String(),
  ground: Type.String(),
  additionalGrounds: Type.Optional(Type.Array(Type.String())),
  groundDescription: Type.String(),
  status: Type.String(),
  origin: Type.Optional(Type.String({ description: 'detector of reviewer' })),
  decidedBy: Type.Optional(NullableString({ description: 'Wie besliste (naam van het token); null voor een open voorstel' })),
  decidedAt: Type.Optional(NullableString({ format: 'date-time' })),
  confidence: Type.Number(),
  detector: Type.String(),
  explanation: Type.String(),
  needsReview: Type.Boolean(),
  boxes: Type.Array(Type.Object({ x: Type.Number(), y: Type.Number(), width: Type.Number(), height: Type.Number() })),
});

const RedactionReport = Type.Object({
  vertrouwelijk: Type.String(),
  document: Type.String({ description: 'Naam van het origineel' }),
  pages: Type.Integer(),
  generatedAt: Type.String({ format: 'date-time' }),
  ocrPages: Type.Array(OcrPage),
  findings: Type.Array(Finding),
  openSuggestions: Type.Integer(),
  duplicateOf: Type.Optional(Type.Integer()),
  nearDuplicatePages: Type.Optional(Type.Array(Type.Object({ page: Type.Integer(), ofDocument: Type.Integer(), ofPage: Type.Integer(), similarity: Type.Number() }))),
  redactions: Type.Array(ReportedRedaction),
});

const ProcessingLog = Type.Object({
  vertrouwelijk: Type.String(),
  batch: Type.Object({ id: Type.String(), name: Type.String() }),
  generatedAt: Type.String({ format: 'date-time' }),
  documents: Type.Integer(),
  failed: Type.Integer(),
  pages: Type.Integer(),
  redactions: Type.Integer(),
  openSuggestions: Type.Integer(),
  pagesToReview: Type.Integer(),
  results: Type.Array(
    Type.Object({
      file: Type.String({ description: 'Naam van het origineel' }),
      number: Type.Integer(),
      status: Type.String({ description: 'Status van het document' }),
      pages: Type.Integer(),
      redactions: Type.Integer(),
      openSuggestions: Type.Integer(),
      pagesToReview: Type.Array(Type.Integer()),
      ocrPages: Type.Array(Type.Integer()),
      duplicateOf: Type.Optional(Type.Integer()),
      error: Type.Optional(Type.String()),
      errorCode: Type.Optional(Type.String()),
      findings: Type.Optional(Type.Array(Type.String())),
    }),
  ),
});

/* The confidential reports (issue 13): what the CLI writes to vertrouwelijk/. They name the removed
 * text and the originals' file names, so only the team reads them; a publisher never does. */
export const confidentialReportRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/v1/documents/:id/rapport.json',
    {
      config: { roles: ['coordinator', 'reviewer'], resource: 'document' },
      schema: {
        tags: ['export', CONFIDENTIAL_TAG],
        summary: 'Vertrouwelijk lakverslag: elke lakking met de gelakte tekst, pagina, grond en wie besliste (zoals <naam>.redactions.json van de CLI)',
        security: bearer,
        params: IdParams,
        response: { 200: RedactionReport, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const doc = await getDocument(fastify.db, request.params.id);
      if (!doc) return reply.code(404).send(notFound('Dit document'));
      if (!(REPORTED as readonly string[]).includes(doc.status)) {
        return reply.code(409).send({ statusCode: 409, error: 'Conflict', message: `Er is (nog) geen lakverslag: de status van het document is '${doc.status}'.` });
      }
      return reply.header('cache-control', 'no-store').header('content-disposition', attachment(`${doc.id}.redactions.json`)).send(await documentReport(fastify.db, doc));
    },
  );

  fastify.get(
    '/v1/batches/:id/verwerkingslog.json',
    {
      config: { roles: ['coordinator', 'reviewer'], resource: 'batch' },
      schema: {
        tags: ['export', CONFIDENTIAL_TAG],
        summary: 'Vertrouwelijk verwerkingslog van de batch: per document status, fout, pagina\'s gelezen met OCR en pagina\'s ter controle (zoals verwerkingslog.json van de CLI)',
        security: bearer,
        params: IdParams,
        response: { 200: ProcessingLog, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const log = await batchProcessingLog(fastify.db, request.params.id);
      if (!log) return reply.code(404).send(notFound('Deze batch'));
      return reply.header('cache-control', 'no-store').header('content-disposition', attachment('verwerkingslog.json')).send(log);
    },
  );
};
