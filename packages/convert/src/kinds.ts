import path from 'node:path';
import { DocumentError } from '@woo/core';
import type { SourceKind } from './parts.js';

const OFFICE_EXT = /\.(docx|docm|dotx|xlsx|xlsm|xltx|pptx|pptm|odt|ods|odp|doc|xls|ppt|rtf)$/i;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.subarray(start, Math.min(end, bytes.length))).toString('latin1');
}

export function isOle(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_MAGIC);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

/** Office files that are zip containers are told apart from plain archives by their name and,
 * for a misnamed file, by the entries every OOXML/ODF package has (checked by the caller). */
export function isOfficeName(name: string): boolean {
  return OFFICE_EXT.test(name);
}

/** How many leading bytes `sniffKind` looks at (a mail's headers without the .eml name). */
export const SNIFF_BYTES = 4096;

/** The format of an image the pipeline reads, from its first bytes. */
export function imageFormat(bytes: Uint8Array): 'png' | 'jpeg' | 'tiff' | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  return undefined;
}

/** Why a file of a kind that is not processed is a failed document (Dutch, for the coordinator). */
export function unsupportedError(fileName: string): DocumentError {
  const extension = path.extname(fileName);
  return new DocumentError(
    'unsupported',
    `Dit bestandstype (${extension || 'zonder extensie'}) wordt niet ondersteund; het is niet verwerkt. Verwerkt worden PDF, afbeeldingen (PNG, JPEG, TIFF), ` +
      'e-mail (.eml, .msg), Office-bestanden (Word, Excel, PowerPoint, OpenDocument, RTF) en zip-archieven.',
  );
}

/**
 * The kind of a file from its first bytes (SNIFF_BYTES are enough); the name only decides between formats that share a
 * container (zip: archive or Office; OLE: Outlook message or old Office file). A file whose bytes
 * say nothing known is 'unsupported', whatever its name.
 */
export function sniffKind(name: string, bytes: Uint8Array): SourceKind {
  // a message whose body or plain-text attachment has '%PDF-' in its first KB is still a message
  const pdfAt = ascii(bytes, 0, 1024).indexOf('%PDF-');
  if (pdfAt >= 0 && !looksLikeMail(ascii(bytes, 0, pdfAt))) return 'pdf';
  if (imageFormat(bytes)) return 'image';
  if (isZip(bytes)) return isOfficeName(name) ? 'office' : 'zip';
  if (isOle(bytes)) return /\.msg$/i.test(name) ? 'msg' : 'office';
  if (ascii(bytes, 0, 5) === '{\\rtf') return 'office';
  if (/\.eml$/i.test(name) || looksLikeMail(ascii(bytes, 0, SNIFF_BYTES))) return 'eml';
  // named as a format we read but not shaped like it: its reader says it is damaged
  if (/\.msg$/i.test(name)) return 'msg';
  if (/\.zip$/i.test(name)) return 'zip';
  if (isOfficeName(name)) return 'office';
  return 'unsupported';
}

/** An RFC 822 message without the .eml name: header lines up to the first blank line, with a
 * From and either a Subject, Date or MIME-Version among them. */
function looksLikeMail(head: string): boolean {
  const headers = head.split(/\r?\n\r?\n/, 1)[0] ?? '';
  if (!/^[\x21-\x39\x3b-\x7e]+:/.test(headers)) return false;
  return /^from:/im.test(headers) && /^(subject|date|mime-version):/im.test(headers);
}
