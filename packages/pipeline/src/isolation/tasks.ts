import { convertStage, type ConvertedPart } from '@woo/convert';
import type { ExtractedDocument, Page, Redaction } from '@woo/core';
import type { ExportedPdf, ExportOptions } from '@woo/export';
import { createLazyOcrEngine } from '@woo/ocr';
import { toPdfInput } from '../input.js';
import { readDocument, type ReadDocument } from '../process-document.js';
import { ocrPageStage } from '../ocr-stage.js';
import { exportStage, extractStage } from '../stages.js';

/** The stages that decode, render or rasterise: the ones a hostile file can make take gigabytes.
 * They take and return plain data, so they can run in a child process (pool.ts). */
export interface HeavyStages {
  /** Mail, Office and zip inputs as the documents the pipeline reads (@woo/convert); LibreOffice
   * runs as a limited process of its own below the child. */
  convert(fileName: string, input: Uint8Array): Promise<ConvertedPart[]>;
  /** An image input as a PDF; a PDF as it is (input.ts). */
  toPdf(input: Uint8Array): Promise<Uint8Array>;
  extract(bytes: Uint8Array): Promise<ExtractedDocument>;
  ocrPage(bytes: Uint8Array, doc: ExtractedDocument, page: number): Promise<Page>;
  /** Image → PDF, extraction and OCR of every page that needs it, in one go (the CLI's first pass). */
  read(input: Uint8Array): Promise<ReadDocument>;
  export(bytes: Uint8Array, doc: ExtractedDocument, redactions: Redaction[], options?: ExportOptions): Promise<ExportedPdf>;
}

export type StageName = keyof HeavyStages;

/** What a child process runs: one OCR worker of its own (OCR_THREADS), started on first use. */
export function childStages(env: NodeJS.ProcessEnv = process.env): { stages: HeavyStages; close(): Promise<void> } {
  const ocr = createLazyOcrEngine({ workers: Number(env.OCR_THREADS) || 1 });
  const stages: HeavyStages = {
    convert: (fileName, input) => convertStage(fileName, input),
    toPdf: toPdfInput,
    extract: extractStage,
    ocrPage: (bytes, doc, page) => ocrPageStage(bytes, doc, page, ocr),
    read: (input) => readDocument(input, { ocr }),
    export: exportStage,
  };
  return { stages, close: () => ocr.terminate() };
}
