import type { DocumentRecord } from '@woo/db';
import type { DocumentSummary } from './schemas.js';

/** The DocumentOrigin fields of a document. */
export function documentOrigin(d: DocumentRecord): Pick<DocumentSummary, 'number' | 'sourceKind' | 'family' | 'threadId' | 'unhidden'> {
  return {
    number: d.number,
    sourceKind: d.kind,
    ...(d.family ? { family: { id: d.family.id, position: d.family.position, ...(d.family.parentDocumentId ? { parentDocumentId: d.family.parentDocumentId } : {}) } } : {}),
    ...(d.threadId ? { threadId: d.threadId } : {}),
    ...(d.unhidden.length ? { unhidden: d.unhidden } : {}),
  };
}

export function documentSummary(d: DocumentRecord): DocumentSummary {
  return {
    id: d.id,
    filename: d.filename,
    status: d.status,
    pages: d.pageCount,
    ...(d.errorMessage ? { error: d.errorMessage } : {}),
    ...documentOrigin(d),
  };
}
