import { positiveIntFromEnv } from '@woo/core';

/** Limits on what one input file may unfold into (archives, attachments, nested mail): a zip
 * bomb or a mail loop fails alone instead of filling the disk or the memory. */
export interface ConvertLimits {
  /** Parts (attachments, archive members, nested) one input may yield. */
  maxParts: number;
  /** Nesting: mail in mail, zip in zip, zip in mail. */
  maxDepth: number;
  /** Bytes all unpacked parts of one input may add up to (declared sizes, checked before inflating). */
  maxUnpackedBytes: number;
  /** Seconds one LibreOffice conversion may take. */
  officeTimeoutS: number;
  /** Address space of one LibreOffice process, in MB. */
  officeMemoryMb: number;
}

export function convertLimits(env: NodeJS.ProcessEnv = process.env): ConvertLimits {
  return {
    maxParts: positiveIntFromEnv(env, 'CONVERT_MAX_PARTS', 500),
    maxDepth: positiveIntFromEnv(env, 'CONVERT_MAX_DEPTH', 4),
    maxUnpackedBytes: positiveIntFromEnv(env, 'CONVERT_MAX_UNPACKED_MB', 1024) * 1024 * 1024,
    officeTimeoutS: positiveIntFromEnv(env, 'OFFICE_TIMEOUT_S', 120),
    officeMemoryMb: positiveIntFromEnv(env, 'OFFICE_MEMORY_MB', 3072),
  };
}
