import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildTextIndex, DocumentError, toDocumentError, type ExtractedDocument } from '@woo/core';
import type { Dossier } from '@woo/detect';
import type { OcrReader } from '@woo/ocr';
import { readDocument, redactDocument, runBatch, toPdfInput, type DocumentOutcome, type ExportPolicy } from '@woo/pipeline';
import type { InputFile } from './inputs.js';
import type { Progress } from './progress.js';

export interface PassOptions {
  concurrency: number;
  dossier: Dossier;
  ocr: OcrReader;
  policy: ExportPolicy;
  dpi: number;
}

type Read = { ok: true; pages: number } | { ok: false; pages: number; error: DocumentError };

async function readInput(file: InputFile): Promise<Uint8Array> {
  const bytes = await readFile(file.path).catch(() => undefined);
  if (!bytes) throw new DocumentError('unreadable', 'Het bestand kon niet worden gelezen (geen leesrechten of het is verdwenen).');
  return new Uint8Array(bytes);
}

/**
 * The batch in two passes, so the dossier is known before anything is redacted: a name found
 * with certainty in one document is looked for in all the others.
 * 1. read every document (extract, OCR) and let the detector learn it; the words go to a
 *    temporary folder, so memory does not grow with the batch;
 * 2. detect, export and verify each document, handing every outcome to `onDone` at once.
 */
export async function runBatchPasses(
  files: readonly InputFile[],
  options: PassOptions,
  progress: { read: Progress; redact: Progress },
  onDone: (file: InputFile, outcome: DocumentOutcome, index: number) => Promise<void>,
): Promise<DocumentOutcome[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'woo-redact-'));
  const wordsFile = (i: number) => path.join(work, `${i}.json`);
  try {
    const reads = await runBatch(
      files.map((file, index) => ({ file, index })),
      options.concurrency,
      async ({ file, index }): Promise<Read> => {
        try {
          const { doc } = await readDocument(await readInput(file), { ocr: options.ocr });
          options.dossier.learn(buildTextIndex(doc.pages).text);
          await writeFile(wordsFile(index), JSON.stringify(doc));
          return { ok: true, pages: doc.pages.length };
        } catch (err) {
          return { ok: false, pages: 0, error: toDocumentError(err) };
        }
      },
      ({ file }, read) => progress.read.documentDone(file.displayName, read.pages, read.ok ? undefined : read.error.message),
    );
    progress.read.finish();
    return await runBatch(
      files.map((file, index) => ({ file, index, read: reads[index]! })),
      options.concurrency,
      async ({ file, index, read }): Promise<DocumentOutcome> => {
        if (!read.ok) return read;
        try {
          // the PDF is made again from the input (cheap, deterministic) rather than kept
          const bytes = await toPdfInput(await readInput(file));
          const doc = JSON.parse(await readFile(wordsFile(index), 'utf8')) as ExtractedDocument;
          return await redactDocument({ bytes, doc }, { detector: options.dossier, policy: options.policy, dpi: options.dpi });
        } catch (err) {
          return { ok: false, pages: read.pages, error: toDocumentError(err) };
        }
      },
      async ({ file, index }, outcome) => {
        await onDone(file, outcome, index);
        if (outcome.ok || reads[index]!.ok) progress.redact.documentDone(file.displayName, outcome.pages, outcome.ok ? undefined : outcome.error.message);
      },
    );
  } finally {
    progress.redact.finish();
    await rm(work, { recursive: true, force: true });
  }
}
