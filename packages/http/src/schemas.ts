import type { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';
import { EXPORT_POLICIES, WOO_GROUNDS, type ExportPolicy as CorePolicy, type GroundCode } from '@woo/core';
import { DOCUMENT_STATUSES, FILE_KINDS, TEAM_NAME, type DocumentStatus as Status, type FileKind } from '@woo/db';

/* TypeBox schemas shared by the intake and review apps: one definition per API shape, used for
 * validation, serialisation (nothing outside the schema leaks) and the OpenAPI document. */

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const Team = Type.String({ pattern: TEAM_NAME.source, description: 'teamnaam: kleine letters, cijfers, - en _' });

/** Body of every error response; `message` is Dutch and meant for the person using the API. */
export const ErrorResponse = Type.Object({ statusCode: Type.Integer(), error: Type.String(), message: Type.String() });

// enums as plain JSON-schema enums: compact in the OpenAPI document, exact in TypeScript
export const DocumentStatus = Type.Unsafe<Status>({ type: 'string', enum: [...DOCUMENT_STATUSES] });

export const Ground = Type.Unsafe<GroundCode>({
  type: 'string',
  enum: WOO_GROUNDS.map((g) => g.code),
  description: 'Woo-weigeringsgrond, bijv. 5.1.2e',
});

export const Box = Type.Object(
  { x: Type.Number(), y: Type.Number(), width: Type.Number({ minimum: 0 }), height: Type.Number({ minimum: 0 }) },
  { description: 'PDF points, origin top-left of the displayed page' },
);

/** Further grounds for one box, besides the primary `ground`. */
export const AdditionalGrounds = Type.Array(Ground, { maxItems: 16, description: 'verdere weigeringsgronden voor hetzelfde vak' });

export const RedactionStatus = Type.Union([Type.Literal('suggested'), Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('manual')]);

export const Redaction = Type.Object({
  id: Uuid,
  documentId: Uuid,
  page: Type.Integer({ minimum: 1 }),
  boxes: Type.Array(Box),
  text: Type.String(),
  category: Type.String(),
  ground: Type.String({ description: 'de eerste (hoofd)grond' }),
  additionalGrounds: Type.Array(Type.String(), { description: 'verdere gronden voor hetzelfde vak, waar de wet dat toelaat' }),
  confidence: Type.Number(),
  detector: Type.String(),
  explanation: Type.String(),
  needsReview: Type.Boolean(),
  status: RedactionStatus,
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** Where a document came from: its source file's kind, and for an attachment or archive member
 * the family of the uploaded file it came out of (issue 11). */
export const DocumentOrigin = {
  number: Type.Integer({ description: 'Nummer in de batch (inventarislijst)' }),
  sourceKind: Type.Union([Type.Unsafe<FileKind>({ type: 'string', enum: [...FILE_KINDS] }), Type.Null()], {
    description: 'soort bronbestand; eml, msg, office en zip zijn eerst omgezet naar PDF',
  }),
  family: Type.Optional(
    Type.Object(
      {
        id: Type.String({ description: 'Familie-ID: het id van het geüploade bestand (bericht of archief)' }),
        position: Type.Integer({ description: '0 voor het geüploade bestand, daarna de bijlagen in volgorde' }),
        parentDocumentId: Type.Optional(Type.String({ description: 'het bericht waar dit een bijlage bij is' })),
      },
      { description: 'Een bericht met zijn bijlagen, of een archief met zijn bestanden' },
    ),
  ),
  threadId: Type.Optional(Type.String({ description: 'korte hash van de e-mailconversatie (nooit de Message-ID zelf)' })),
  unhidden: Type.Optional(Type.Array(Type.String(), { description: 'wat in het Office-bestand verborgen was en zichtbaar gemaakt is' })),
};

export const DocumentSummary = Type.Object({
  id: Uuid,
  filename: Type.String(),
  status: DocumentStatus,
  pages: Type.Integer(),
  error: Type.Optional(Type.String({ description: 'Dutch message when status is failed' })),
  ...DocumentOrigin,
});

export const ExportPolicy = Type.Unsafe<CorePolicy>({ type: 'string', enum: [...EXPORT_POLICIES], default: 'accepted-only' satisfies CorePolicy });
export const ExportBody = Type.Object({ policy: Type.Optional(ExportPolicy) });

export const bearer = [{ bearerAuth: [] }];

/** Error responses of an authenticated route: 401 and 403 plus `codes`. */
export function errorResponses<C extends number>(...codes: C[]): Record<401 | 403 | C, typeof ErrorResponse> {
  return Object.fromEntries([401, 403, ...codes].map((c) => [c, ErrorResponse])) as Record<401 | 403 | C, typeof ErrorResponse>;
}

export type DocumentSummary = Static<typeof DocumentSummary>;

/** A PDF download; sent as a stream from the blob store (Fastify does not serialise streams). */
export const PdfFile = Type.Unsafe<Readable>({ type: 'string', format: 'binary' });
