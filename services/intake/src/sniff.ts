import { imageFormat, SNIFF_BYTES, sniffKind, unsupportedError } from '@woo/convert/kinds';
import { DocumentError } from '@woo/core';
import type { FileKind } from '@woo/db';

export { SNIFF_BYTES };

/** Names of what the pipeline reads as it is: such a file with other bytes is not what it says. */
const PIPELINE_NAME = /\.(pdf|png|jpe?g|tiff?)$/i;

/**
 * What an upload is, judged by its first bytes as the convert stage judges them (@woo/convert
 * sniffKind); the name only tells apart formats that share a container (zip: archive or Office;
 * OLE: Outlook message or old Office file), never the browser's content type. PDFs may carry junk
 * before `%PDF-` within the first KB, as readers tolerate. Encrypted and corrupt files pass here
 * and are caught by extraction or conversion, which can tell why.
 */
export function sniffUpload(name: string, head: Uint8Array, size: number, maxBytes: number, truncated: boolean): FileKind | DocumentError {
  if (truncated || size > maxBytes) {
    const mb = Math.round(maxBytes / (1024 * 1024));
    return new DocumentError('too-large', `Dit bestand is groter dan de toegestane ${mb} MB en is niet verwerkt. Splits het document of vraag de beheerder de limiet te verhogen.`);
  }
  if (size === 0) {
    return new DocumentError('empty', 'Dit bestand is leeg (0 bytes). Controleer of het goed is opgeslagen en lever het opnieuw aan.');
  }
  const kind = sniffKind(name, head);
  if (kind === 'unsupported' && PIPELINE_NAME.test(name)) {
    return new DocumentError(
      'not-pdf',
      'Dit bestand heeft de naam van een PDF of afbeelding, maar is geen PDF en geen afbeelding (PNG, JPEG of TIFF); het is niet verwerkt. Controleer het bestand en lever het opnieuw aan.',
    );
  }
  if (kind === 'unsupported') return unsupportedError(name);
  if (kind === 'image') return imageFormat(head) ?? unsupportedError(name);
  return kind;
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
