import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sniffKind } from '@woo/convert/kinds';
import { DocumentError, toDocumentError } from '@woo/core';
import { runBatch, type ConversionReport, type HeavyStages } from '@woo/pipeline';
import type { DocumentFamily } from '@woo/publication';
import type { InputFile } from './inputs.js';
import type { Progress } from './progress.js';
import type { SealedStore } from './sealed-store.js';

/** One document of the batch: an input file, or an attachment or archive member that came out of
 * one. Failed conversions are documents too (they are listed, with their reason). */
export interface BatchDocument {
  /** Unique output base name within the batch. */
  name: string;
  displayName: string;
  /** The PDF or image the pipeline reads; absent when the conversion failed. */
  load?: () => Promise<Uint8Array>;
  failure?: DocumentError;
  /** Set for converted documents (mail, Office, archive members). */
  conversion?: ConversionReport;
  /** For an attachment: the index of its message among the documents of the same input. */
  parentIndex?: number;
  /** The input file this document is (a PDF or image, or the message or archive that was handed
   * in); absent for attachments and archive members, which exist only inside it. */
  sourcePath?: string;
}

/** Names of what the pipeline reads itself: a file so named that is not what it says (empty, text)
 * goes there too, and extraction says what is wrong with it. */
const PIPELINE_NAME = /\.(pdf|png|jpe?g|tiff?)$/i;

const UNREADABLE = 'Het bestand kon niet worden gelezen (geen leesrechten of het is verdwenen).';

async function readInput(file: InputFile): Promise<Uint8Array> {
  const bytes = await readFile(file.path).catch(() => undefined);
  if (!bytes) throw new DocumentError('unreadable', UNREADABLE);
  return new Uint8Array(bytes);
}

function safeBase(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '') || 'bijlage';
}

/**
 * The convert pass: PDFs and images are documents as they are (read from their file when needed);
 * e-mail, Office files and zips go through the convert stage (in a stage child) and become one
 * document per part, their working PDFs kept encrypted in `store`. Parts get output names after
 * their input ("bericht.bijlage"), unique in the batch, and their family.
 */
export async function convertPass(
  files: readonly InputFile[],
  options: { concurrency: number; convert: HeavyStages['convert']; store: SealedStore; signal: AbortSignal },
  progress: Progress,
): Promise<BatchDocument[][]> {
  let stored = 0;
  return runBatch(
    files,
    options.concurrency,
    async (file): Promise<BatchDocument[]> => {
      // an interrupted run lists what it did not start as not processed (batch-passes.ts)
      const asItIs: BatchDocument[] = [{ name: file.name, displayName: file.displayName, load: () => readInput(file), sourcePath: file.path }];
      if (options.signal.aborted) return asItIs;
      let bytes: Uint8Array;
      try {
        bytes = await readInput(file);
      } catch (err) {
        return [{ name: file.name, displayName: file.displayName, failure: toDocumentError(err), sourcePath: file.path }];
      }
      const kind = sniffKind(file.path, bytes);
      if (kind === 'pdf' || kind === 'image' || (kind === 'unsupported' && PIPELINE_NAME.test(file.path))) return asItIs;
      let parts;
      try {
        parts = await options.convert(path.basename(file.path), bytes);
      } catch (err) {
        if (options.signal.aborted) return asItIs;
        return [{ name: file.name, displayName: file.displayName, failure: toDocumentError(err), conversion: { sourceKind: kind, unhidden: [] }, sourcePath: file.path }];
      }
      const names = new Set<string>();
      return Promise.all(
        parts.map(async (part, position): Promise<BatchDocument> => {
          let name = position === 0 ? file.name : `${file.name}.${safeBase(part.fileName)}`;
          for (let n = 2; names.has(name); n++) name = `${file.name}.${safeBase(part.fileName)}-${n}`;
          names.add(name);
          const family: DocumentFamily | undefined = parts.length > 1 ? { id: file.name, position: part.familyPosition } : undefined;
          const document: BatchDocument = {
            name,
            // the stage saw only the file name; the batch shows the path it was found under
            displayName: file.displayName + part.displayName.slice(path.basename(file.path).length),
            conversion: { sourceKind: part.kind, unhidden: part.unhidden, ...(family ? { family } : {}), ...(part.threadId ? { threadId: part.threadId } : {}), ...(part.date ? { date: part.date } : {}) },
            ...(part.failure ? { failure: new DocumentError(part.failure.code, part.failure.message) } : {}),
            ...(part.parentIndex === undefined ? {} : { parentIndex: part.parentIndex }),
            ...(position === 0 ? { sourcePath: file.path } : {}),
          };
          if (part.working) {
            const key = `part-${stored++}`;
            await options.store.putBytes(key, part.working);
            document.load = () => options.store.readBytes(key);
          }
          return document;
        }),
      );
    },
    (file, documents) => {
      const failed = documents.filter((d) => d.failure).length;
      const status = documents.length === 1 ? 'klaar' : `${documents.length} documenten${failed ? `, waarvan ${failed} mislukt` : ''}`;
      progress.documentDone(file.displayName, 0, documents.length === 1 ? documents[0]!.failure?.message : undefined, status);
    },
  );
}

/** The documents of all inputs in order, with each attachment's parent as an inventory number. */
export function numberDocuments(perInput: readonly BatchDocument[][]): BatchDocument[] {
  const all: BatchDocument[] = [];
  for (const documents of perInput) {
    const first = all.length;
    for (const document of documents) {
      const family = document.conversion?.family;
      if (family && document.parentIndex !== undefined) family.parentNumber = first + document.parentIndex + 1;
      all.push(document);
    }
  }
  return all;
}
