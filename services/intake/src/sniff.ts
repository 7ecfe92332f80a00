import { DocumentError } from '@woo/core';
import type { FileKind } from '@woo/db';

/** How many leading bytes `sniffUpload` looks at. */
export const SNIFF_BYTES = 1024;

/**
 * What an upload is, judged by its first bytes (never by its name or the browser's content type).
 * PDFs may carry junk before `%PDF-` within the first KB, as readers tolerate. Encrypted and
 * corrupt PDFs pass here and are caught by extraction, which can tell the two apart.
 */
export function sniffUpload(head: Uint8Array, size: number, maxBytes: number, truncated: boolean): FileKind | DocumentError {
  if (truncated || size > maxBytes) {
    const mb = Math.round(maxBytes / (1024 * 1024));
    return new DocumentError('too-large', `Dit bestand is groter dan de toegestane ${mb} MB en is niet verwerkt. Splits het document of vraag de beheerder de limiet te verhogen.`);
  }
  if (size === 0) {
    return new DocumentError('empty', 'Dit bestand is leeg (0 bytes). Controleer of het goed is opgeslagen en lever het opnieuw aan.');
  }
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (Buffer.from(head.subarray(0, SNIFF_BYTES)).toString('latin1').includes('%PDF-')) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  return new DocumentError(
    'not-pdf',
    'Dit bestand is geen PDF en geen afbeelding (PNG, JPEG of TIFF); het is niet verwerkt. Zet het eerst om naar PDF en lever het opnieuw aan.',
  );
}

/** Passes a stream through while keeping its first SNIFF_BYTES bytes for `sniffUpload`. */
export function headRecorder(source: AsyncIterable<Uint8Array>): { stream: AsyncIterable<Uint8Array>; head(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  let kept = 0;
  return {
    stream: (async function* () {
      for await (const chunk of source) {
        if (kept < SNIFF_BYTES) {
          chunks.push(chunk.subarray(0, SNIFF_BYTES - kept));
          kept += Math.min(chunk.byteLength, SNIFF_BYTES - kept);
        }
        yield chunk;
      }
    })(),
    head: () => Buffer.concat(chunks),
  };
}

/** The name to show for an upload: browsers may send a full client path; only the last part is
 * kept, and only for display (it never reaches the file system). */
export function displayName(filename: string | undefined): string {
  const base = (filename ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 255) || 'naamloos';
}

/** A file part whose name is missing or arrived as undecodable bytes cannot be listed in the
 * inventory for the coordinator to recognise: it is refused with a reason, never dropped. */
export function unreadableName(filename: string | undefined): DocumentError | undefined {
  if (displayName(filename) !== 'naamloos' && !filename?.includes('\uFFFD')) return undefined;
  return new DocumentError(
    'unreadable-name',
    'De bestandsnaam van dit bestand ontbreekt of kon niet worden gelezen; het is niet verwerkt. Geef het bestand een gewone naam en lever het opnieuw aan.',
  );
}
