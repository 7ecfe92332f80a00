import path from 'node:path';
import { DocumentError, dutchNumber, toDocumentError } from '@woo/core';
import { sniffKind, unsupportedError } from './kinds.js';
import { convertLimits, type ConvertLimits } from './limits.js';
import { parseEml } from './mail/eml.js';
import type { MailMessage } from './mail/message.js';
import { parseMsg } from './mail/msg.js';
import { renderMail } from './mail/render.js';
import { convertOffice } from './office.js';
import type { ConvertedPart, MessageTraits } from './parts.js';
import { unpackArchive } from './zip.js';

interface Source {
  fileName: string;
  displayName: string;
  bytes: Uint8Array;
}

/** The calendar date of a moment in the Netherlands (YYYY-MM-DD): a message sent at 00:30 Dutch
 * time is of that day, not of the day before in UTC. */
function dutchDate(moment: Date): string {
  return moment.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/** Unfolds one input file into its parts, depth first, within the limits of one input. */
class Unfolder {
  readonly parts: ConvertedPart[] = [];
  private readonly budget = { bytes: 0, parts: 0 };

  constructor(private readonly limits: ConvertLimits) {}

  /** `from`: the thread and date of the message this part is attached to (inherited by attachments
   * and archive members; a message has its own). */
  async add(source: Source, depth: number, parentIndex: number | undefined, from: MessageTraits = {}): Promise<void> {
    const kind = source.bytes.length ? sniffKind(source.fileName, source.bytes) : 'unsupported';
    if (kind === 'zip') return this.addArchive(source, depth, parentIndex, from);
    const index = this.parts.length;
    const part: ConvertedPart = {
      displayName: source.displayName,
      fileName: source.fileName,
      kind,
      source: source.bytes,
      familyPosition: index,
      ...(parentIndex === undefined ? {} : { parentIndex }),
      unhidden: [],
      ...from,
    };
    this.parts.push(part);
    try {
      if (!source.bytes.length) throw new DocumentError('empty', 'Het bestand is leeg (0 bytes); er is niets te verwerken.');
      if (kind === 'pdf' || kind === 'image') part.working = source.bytes;
      else if (kind === 'office') Object.assign(part, await this.office(source));
      else if (kind === 'eml' || kind === 'msg') {
        const { pdf, attachments, traits } = await this.mail(source, kind, depth);
        part.working = pdf;
        Object.assign(part, traits);
        for (const file of attachments) {
          await this.add({ fileName: path.basename(file.fileName), displayName: `${source.displayName} › ${file.fileName}`, bytes: file.bytes }, depth + 1, index, {
            ...(part.threadId ? { threadId: part.threadId } : {}),
            ...(part.date ? { date: part.date } : {}),
          });
        }
      } else {
        throw unsupportedError(source.fileName);
      }
    } catch (err) {
      const { code, message } = toDocumentError(err);
      part.failure = { code, message };
      delete part.working;
    }
  }

  private async office(source: Source): Promise<Pick<ConvertedPart, 'working' | 'unhidden'>> {
    const { pdf, unhidden } = await convertOffice(source.fileName, source.bytes, this.limits);
    return { working: pdf, unhidden };
  }

  private async mail(source: Source, kind: 'eml' | 'msg', depth: number): Promise<{ pdf: Uint8Array; attachments: MailMessage['attachments']; traits: MessageTraits }> {
    this.checkDepth(depth, 'Dit e-mailbericht');
    let message: MailMessage;
    try {
      message = kind === 'eml' ? await parseEml(source.bytes) : parseMsg(source.bytes);
    } catch (err) {
      const format = kind === 'eml' ? 'e-mailbericht (.eml)' : 'Outlook-bericht (.msg)';
      throw new DocumentError('corrupt', `Dit ${format} is beschadigd en kan niet worden gelezen; het is niet verwerkt.`, { cause: err });
    }
    const room = this.limits.maxParts - this.budget.parts;
    if (message.attachments.length + message.inlineImages.length > room) {
      throw new DocumentError('too-large', `Dit e-mailbericht heeft meer bijlagen dan de toegestane ${dutchNumber(this.limits.maxParts)} onderdelen per bestand (CONVERT_MAX_PARTS); het is niet verwerkt.`);
    }
    this.budget.parts += message.attachments.length;
    const { pdf, notDrawn } = await renderMail(message);
    const traits: MessageTraits = {
      ...(message.threadId ? { threadId: message.threadId } : {}),
      ...(message.date ? { date: dutchDate(message.date) } : {}),
    };
    return { pdf, attachments: [...message.attachments, ...notDrawn], traits };
  }

  /** A zip is no document of its own: its files are, each a part (or one failed part for the
   * archive when it cannot be unpacked). */
  private async addArchive(source: Source, depth: number, parentIndex: number | undefined, from: MessageTraits): Promise<void> {
    let members;
    try {
      this.checkDepth(depth, 'Dit zip-archief');
      members = unpackArchive(source.bytes, this.limits, this.budget);
    } catch (err) {
      const { code, message } = toDocumentError(err);
      this.parts.push({
        displayName: source.displayName,
        fileName: source.fileName,
        kind: 'zip',
        source: source.bytes,
        familyPosition: this.parts.length,
        ...(parentIndex === undefined ? {} : { parentIndex }),
        failure: { code, message },
        unhidden: [],
        ...from,
      });
      return;
    }
    for (const member of members) {
      await this.add({ fileName: path.posix.basename(member.path), displayName: `${source.displayName} › ${member.path}`, bytes: member.bytes }, depth + 1, parentIndex, from);
    }
  }

  private checkDepth(depth: number, what: string): void {
    if (depth <= this.limits.maxDepth) return;
    throw new DocumentError('too-large', `${what} zit dieper genest dan ${this.limits.maxDepth} niveaus (CONVERT_MAX_DEPTH: bericht in bericht, archief in archief); het is niet verwerkt.`);
  }
}

/**
 * The convert stage: one input file as the documents the pipeline reads. A PDF or image is
 * itself; an e-mail becomes a printed message plus one part per attachment (nested mail, archives
 * and Office files unfolded in turn); an Office file becomes a PDF with its hidden content shown;
 * a zip becomes its files. Every part has a working file or a Dutch failure: nothing is skipped.
 * Parts are depth first; the first part is the input itself (or an archive's first file).
 */
export async function convertStage(fileName: string, bytes: Uint8Array, limits: ConvertLimits = convertLimits()): Promise<ConvertedPart[]> {
  const unfolder = new Unfolder(limits);
  await unfolder.add({ fileName: path.basename(fileName), displayName: fileName, bytes }, 0, undefined);
  return unfolder.parts;
}
