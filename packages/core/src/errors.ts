/** Why a document could not be processed. The message is Dutch: it is shown to the Woo coordinator. */
export type DocumentErrorCode =
  | 'unreadable'
  | 'empty'
  | 'not-pdf'
  | 'unreadable-name'
  | 'corrupt'
  | 'encrypted'
  | 'too-large'
  | 'too-many-pixels'
  | 'too-many-pages'
  | 'out-of-memory'
  | 'unsupported'
  | 'needs-ocr'
  | 'verification-failed'
  | 'internal';

export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DocumentError';
  }
}

/** The coordinator-facing message of any failure: DocumentErrors keep theirs, anything else
 * becomes a generic Dutch message (the technical cause goes to the log, not to the user). */
export function toDocumentError(err: unknown): DocumentError {
  if (err instanceof DocumentError) return err;
  return new DocumentError('internal', 'Interne fout bij het verwerken van dit document; de technische details staan in het logboek.', {
    cause: err,
  });
}
