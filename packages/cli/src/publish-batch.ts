import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  basisReportPdf,
  diwooDocumentXml,
  diwooSitemapXml,
  inventoryCsv,
  inventoryXlsx,
  redactionLogCsv,
  type BasisReportInput,
  type DiwooDocument,
  type InventoryEntry,
  type PublicationConfig,
} from '@woo/publication';
import type { DocumentPaths, OutputLayout } from './layout.js';
import { writeAtomic } from './write-files.js';

/** One document of the batch as it is published. */
export interface BatchDocument {
  entry: InventoryEntry;
  paths: DocumentPaths;
  /** When its public version was made. */
  madeAt: Date;
  /** SHA-256 (hex) of the input file, when it could be read. */
  originalSha256?: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function sha256File(file: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(file));
  } catch {
    return undefined;
  }
}

/** Everything of the batch that goes into openbaar/ besides the PDFs: the inventory (CSV and
 * XLSX), a redaction log per published document, DiWoo metadata per document and the sitemap
 * index (when a publisher is configured), and the onderbouwingsrapport. */
export async function writePublicBatch(
  layout: OutputLayout,
  docs: readonly BatchDocument[],
  config: PublicationConfig | undefined,
  basis: Omit<BasisReportInput, 'entries' | 'hashes'>,
): Promise<void> {
  const entries = docs.map((d) => d.entry);
  await writeAtomic(path.join(layout.public, 'inventarislijst.csv'), inventoryCsv(entries));
  await writeAtomic(path.join(layout.public, 'inventarislijst.xlsx'), await inventoryXlsx(entries));
  const published = docs.filter((d) => d.entry.publishedFile);
  const metadata: DiwooDocument[] = published.map((d) => ({ entry: d.entry, madeAt: d.madeAt }));
  for (const d of published) {
    await writeAtomic(d.paths.log, redactionLogCsv(d.entry.redactions));
    if (config) await writeAtomic(d.paths.metadata, diwooDocumentXml({ entry: d.entry, madeAt: d.madeAt }, config));
  }
  if (config) await writeAtomic(path.join(layout.public, 'diwoo-sitemap.xml'), diwooSitemapXml(metadata, config));
  const hashes = new Map<number, { original?: string; published?: string }>();
  for (const d of docs) {
    hashes.set(d.entry.number, { original: d.originalSha256, published: d.entry.publishedFile ? await sha256File(d.paths.pdf) : undefined });
  }
  await writeAtomic(path.join(layout.public, 'onderbouwingsrapport.pdf'), await basisReportPdf({ ...basis, entries, hashes }));
}
