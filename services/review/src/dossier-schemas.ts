import { Type } from '@sinclair/typebox';
import { applyExportPolicy, type ExportPolicy, type Redaction } from '@woo/core';
import type { AsExported } from '@woo/db';
import { ErrorResponse } from '@woo/http';

const DocumentPages = Type.Object({ document: Type.Integer(), name: Type.String(), pages: Type.Array(Type.Integer()) });

/** One entry of the consistency check (`@woo/dossier` checkConsistency). */
export const Inconsistency = Type.Object({
  key: Type.String({ description: 'wat consistency/allow toestaat' }),
  text: Type.String(),
  category: Type.String(),
  redactedIn: Type.Array(DocumentPages),
  visibleIn: Type.Array(
    Type.Object({
      document: Type.Integer(),
      name: Type.String(),
      page: Type.Integer(),
      reason: Type.Union([Type.Literal('rejected'), Type.Literal('open'), Type.Literal('not-suggested')]),
    }),
  ),
});

/** The batch export's 409: the usual error body, with the consistency check's list when that is why. */
export const ExportConflict = Type.Composite([ErrorResponse, Type.Object({ inconsistencies: Type.Optional(Type.Array(Inconsistency)) })]);

/** What the export under `policy` blacks out, for the consistency check. */
export function asExportedUnder(policy: ExportPolicy): AsExported {
  return (redactions: readonly Redaction[]) => applyExportPolicy(redactions, policy);
}
