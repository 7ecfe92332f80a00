import type { DocumentRecord } from '@woo/db';
import type { DocumentSummary } from './schemas.js';

export function documentSummary(d: DocumentRecord): DocumentSummary {
  return {
    id: d.id,
    filename: d.filename,
    status: d.status,
    pages: d.pageCount,
    ...(d.errorMessage ? { error: d.errorMessage } : {}),
  };
}
