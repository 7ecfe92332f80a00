import { DocumentError, dutchNumber } from '@woo/core';
import { unzipSync } from 'fflate';
import type { ConvertLimits } from './limits.js';

export interface ArchiveMember {
  /** Path inside the archive. */
  path: string;
  bytes: Uint8Array;
}

/** Bookkeeping a Mac archiver adds; not documents of the dossier. */
const ARCHIVER_NOISE = /(^|\/)(__MACOSX\/|\.DS_Store$)/;

/**
 * The files of a zip archive, checked against the limits before anything is inflated: the count
 * and the declared sizes of the entries (fflate inflates into a buffer of the declared size, so a
 * lying header cannot make an entry larger). Folders are not files; every other entry is returned.
 */
export function unpackArchive(bytes: Uint8Array, limits: ConvertLimits, budget: { bytes: number; parts: number }): ArchiveMember[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/') || ARCHIVER_NOISE.test(file.name)) return false;
        budget.bytes += file.originalSize;
        budget.parts += 1;
        if (budget.parts > limits.maxParts) {
          throw new DocumentError('too-large', `Dit zip-archief bevat meer dan ${dutchNumber(limits.maxParts)} bestanden (CONVERT_MAX_PARTS); het is niet uitgepakt. Verdeel het over meer archieven.`);
        }
        if (budget.bytes > limits.maxUnpackedBytes) {
          throw new DocumentError('too-large', `Dit zip-archief pakt uit tot meer dan ${dutchNumber(limits.maxUnpackedBytes / 1024 / 1024)} MB (CONVERT_MAX_UNPACKED_MB); het is niet uitgepakt.`);
        }
        return true;
      },
    });
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    throw new DocumentError('corrupt', 'Dit zip-archief is beschadigd of met een wachtwoord beveiligd en kan niet worden uitgepakt; het is niet verwerkt.', { cause: err });
  }
  const members = Object.entries(files).map(([path, content]) => ({ path, bytes: content }));
  if (!members.length) throw new DocumentError('empty', 'Dit zip-archief bevat geen bestanden.');
  return members.sort((a, b) => a.path.localeCompare(b.path));
}
