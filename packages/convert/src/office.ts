import { DocumentError } from '@woo/core';
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { isOle, isZip } from './kinds.js';
import type { ConvertLimits } from './limits.js';
import { libreOfficeConvert, type OfficeTarget } from './office/libreoffice.js';
import { unhideOdf } from './office/unhide-odf.js';
import { unhideOoxml, type Entries } from './office/unhide-ooxml.js';

const PASSWORD_MESSAGE = 'Dit Office-bestand is beveiligd met een wachtwoord en kan daarom niet worden gelezen; het is niet verwerkt. Lever het aan zonder wachtwoord.';

/** Old binary formats (and RTF) go to their OOXML counterpart first: only a package can be
 * edited to show what the author hid. */
const PACKAGE_OF: Record<string, Exclude<OfficeTarget, 'pdf'>> = { doc: 'docx', rtf: 'docx', xls: 'xlsx', ppt: 'pptx' };

function extensionOf(fileName: string): string {
  return /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'docx';
}

function unpack(bytes: Uint8Array, limits: ConvertLimits): Entries {
  let declared = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        declared += file.originalSize;
        if (declared > limits.maxUnpackedBytes) throw new DocumentError('too-large', 'Dit Office-bestand pakt uit tot meer dan de toegestane omvang (CONVERT_MAX_UNPACKED_MB); het is niet verwerkt.');
        return true;
      },
    });
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    throw new DocumentError('corrupt', 'Dit Office-bestand is beschadigd (het zip-pakket kan niet worden gelezen); het is niet verwerkt.', { cause: err });
  }
}

function repack(entries: Entries): Uint8Array {
  // ODF wants its mimetype first and stored; fflate keeps the key order
  const zippable: Zippable = {};
  if (entries.mimetype) zippable.mimetype = [entries.mimetype, { level: 0 }];
  for (const [name, bytes] of Object.entries(entries)) if (name !== 'mimetype') zippable[name] = bytes;
  return zipSync(zippable, { level: 6, mtime: new Date(1980, 0, 1) });
}

/** An OOXML file saved with a password is an OLE container holding an EncryptionInfo stream. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  return isOle(bytes) && Buffer.from(bytes).includes(Buffer.from('EncryptionInfo', 'utf16le'));
}

/** The package with everything hidden shown, and what was shown. */
function unhide(bytes: Uint8Array, limits: ConvertLimits): { bytes: Uint8Array; notes: string[] } {
  const entries = unpack(bytes, limits);
  const manifest = entries['META-INF/manifest.xml'];
  if (manifest && strFromU8(manifest).includes('manifest:encryption-data')) throw new DocumentError('encrypted', PASSWORD_MESSAGE);
  const edit = unhideOoxml(entries) ?? unhideOdf(entries);
  if (!edit) throw new DocumentError('corrupt', 'Dit bestand heet een Office-bestand, maar is geen geldig Word-, Excel-, PowerPoint- of OpenDocument-bestand; het is niet verwerkt.');
  return { bytes: repack(edit.entries), notes: edit.notes };
}

/**
 * An Office file as PDF, with what the author hid made visible first (unhide-*.ts) and the notes
 * saying what that was. Password-protected files fail with their own message.
 */
export async function convertOffice(fileName: string, bytes: Uint8Array, limits: ConvertLimits): Promise<{ pdf: Uint8Array; unhidden: string[] }> {
  if (isEncryptedPackage(bytes)) throw new DocumentError('encrypted', PASSWORD_MESSAGE);
  let extension = extensionOf(fileName);
  let packaged = bytes;
  const packageFormat = PACKAGE_OF[extension];
  if (!isZip(bytes) && packageFormat) {
    packaged = await libreOfficeConvert(bytes, extension, packageFormat, limits);
    extension = packageFormat;
  }
  const shown = unhide(packaged, limits);
  return { pdf: await libreOfficeConvert(shown.bytes, extension, 'pdf', limits), unhidden: shown.notes };
}
