import type { DocumentErrorCode } from '@woo/core';

/** What kind of file a part is, decided from its bytes (and its name where the bytes agree). */
export type SourceKind = 'pdf' | 'image' | 'eml' | 'msg' | 'office' | 'zip' | 'unsupported';

/** Why a part could not be converted; plain data, so it crosses process boundaries. */
export interface ConvertFailure {
  code: DocumentErrorCode;
  /** Dutch, for the coordinator. */
  message: string;
}

/**
 * One document that came out of one input file: the file itself, or an attachment of a message,
 * or a member of an archive. Every part is accounted for: it has a working PDF or a failure.
 */
export interface ConvertedPart {
  /** Shown to the coordinator: the input's name, nested parts after their container
   * ("bericht.eml › bijlage.docx"). */
  displayName: string;
  /** This part's own file name (an attachment's name), for output file names. */
  fileName: string;
  kind: SourceKind;
  /** The bytes as received, kept next to the working PDF. */
  source: Uint8Array;
  /** What the pipeline reads: a PDF, or an image its input stage turns into one. */
  working?: Uint8Array;
  failure?: ConvertFailure;
  /** 0 for the input file itself; 1, 2, ... for what came out of it, depth first. */
  familyPosition: number;
  /** Index (in the same list) of the message this part is an attachment of; absent for the input
   * file and for members of an archive at its top level. */
  parentIndex?: number;
  /** What was hidden in the source and is visible in the working PDF (Dutch, for the report). */
  unhidden: string[];
  /** The mail thread of a message and of its attachments: a short hash of the thread's root
   * Message-ID (mail/thread.ts), never the id itself, which may hold a name. */
  threadId?: string;
  /** The date (YYYY-MM-DD, Dutch time) a message was sent, for it and its attachments. */
  date?: string;
}

/** What a message passes on to its attachments and archive members. */
export type MessageTraits = Pick<ConvertedPart, 'threadId' | 'date'>;
