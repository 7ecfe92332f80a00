import { DocumentError } from '@woo/core';

/** Formats people upload by mistake, recognised by their first bytes so the coordinator is told
 * what the file actually is. */
const MAGIC: ReadonlyArray<{ bytes: number[]; name: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'een PNG-afbeelding' },
  { bytes: [0xff, 0xd8, 0xff], name: 'een JPEG-afbeelding' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], name: 'een TIFF-afbeelding' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], name: 'een TIFF-afbeelding' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'een GIF-afbeelding' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'een oud Office-bestand (bijvoorbeeld .doc of .msg)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'een RTF-document' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

function describeZip(bytes: Uint8Array): string {
  // OOXML packages name their main part in the first local file headers.
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 4096))).toString('latin1');
  if (head.includes('word/')) return 'een Word-document (.docx)';
  if (head.includes('xl/')) return 'een Excel-bestand (.xlsx)';
  if (head.includes('ppt/')) return 'een PowerPoint-bestand (.pptx)';
  return 'een ZIP-bestand';
}

/** Throws a DocumentError when `bytes` cannot be a PDF at all; cheaper and clearer than letting
 * pdfjs guess. Leading junk before %PDF is tolerated within the first KB, as PDF readers do. */
export function assertLooksLikePdf(bytes: Uint8Array): void {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x00)) {
    throw new DocumentError('empty', 'Dit bestand is leeg: er staat geen inhoud in. Controleer of het goed is opgeslagen of geüpload.');
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return;
  let kind: string | undefined;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) kind = describeZip(bytes);
  else kind = MAGIC.find((m) => startsWith(bytes, m.bytes))?.name;
  const what = kind ? ` Het lijkt ${kind}.` : '';
  throw new DocumentError(
    'not-pdf',
    `Dit bestand is geen PDF (het begint niet met %PDF).${what} Zet het eerst om naar PDF en lever het opnieuw aan.`,
  );
}

const PDFJS_ERRORS = new Set(['PasswordException', 'InvalidPDFException', 'FormatError', 'UnknownErrorException', 'MissingPDFException', 'ResponseException']);

/** True for errors pdfjs raises about the file (as opposed to bugs in our own code). */
export function isPdfjsError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return typeof name === 'string' && PDFJS_ERRORS.has(name);
}

/** Maps a pdfjs failure to a coordinator-facing error. pdfjs errors cross its (fake) worker
 * boundary as plain objects, so we classify by `name`, not by class. */
export function classifyPdfjsError(err: unknown): DocumentError {
  if (err instanceof DocumentError) return err;
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') {
    return new DocumentError(
      'encrypted',
      'Dit PDF-bestand is beveiligd met een wachtwoord of versleuteld. Vraag de aanleverende partij om een onbeveiligde versie.',
      { cause: err },
    );
  }
  return new DocumentError(
    'corrupt',
    'Dit PDF-bestand is beschadigd of onvolledig en kan niet worden gelezen. Vraag om een nieuwe kopie of sla het document opnieuw op als PDF.',
    { cause: err },
  );
}
