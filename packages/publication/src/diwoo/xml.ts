import { groundByCode } from '@woo/core';
import { countByGround } from '../grounds.js';
import { judgementOf, type InventoryEntry } from '../inventory.js';
import type { PublicationConfig } from './config.js';
import { DIWOO_NAMESPACE, DUTCH, ESTABLISHMENT, PDF_FORMAT, type ListValue } from './value-lists.js';

const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function escape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function listValue(tag: string, value: ListValue): string {
  return `<diwoo:${tag} resource="${escape(value.uri)}">${escape(value.label)}</diwoo:${tag}>`;
}

function element(tag: string, text: string): string {
  return `<diwoo:${tag}>${escape(text)}</diwoo:${tag}>`;
}

/** What the metadata of one published document is made of. */
export interface DiwooDocument {
  entry: InventoryEntry;
  /** When the public version was made (xs:dateTime). */
  madeAt: Date;
}

function extraField(key: string, values: readonly string[]): string {
  return `<diwoo:extraMetadataveld>${element('key', key)}<diwoo:values>${values.map((v) => element('value', v)).join('')}</diwoo:values></diwoo:extraMetadataveld>`;
}

/** The `<diwoo:Document>` element of one document (DiWoo 0.9.8). The Woo grounds and the
 * judgement have no element of their own in the standard: they go into extraMetadata. */
export function diwooDocumentElement({ entry, madeAt }: DiwooDocument, config: PublicationConfig): string {
  const grounds = [...countByGround(entry.redactions).keys()];
  const parts = [
    `<diwoo:identifiers>${element('identifier', entry.documentId)}</diwoo:identifiers>`,
    listValue('publisher', config.publisher),
    ...(config.responsible ? [listValue('verantwoordelijke', config.responsible)] : []),
    `<diwoo:titelcollectie>${element('officieleTitel', entry.title)}</diwoo:titelcollectie>`,
    `<diwoo:classificatiecollectie><diwoo:informatiecategorieen>${listValue('informatiecategorie', config.informationCategory)}</diwoo:informatiecategorieen></diwoo:classificatiecollectie>`,
    ...(entry.date ? [element('creatiedatum', entry.date)] : []),
    listValue('language', DUTCH),
    listValue('format', PDF_FORMAT),
    ...(entry.familyId ? [element('aggregatiekenmerk', entry.familyId)] : []),
    `<diwoo:documenthandelingen><diwoo:documenthandeling>${listValue('soortHandeling', ESTABLISHMENT)}${element('atTime', madeAt.toISOString())}${listValue('wasAssociatedWith', config.publisher)}</diwoo:documenthandeling></diwoo:documenthandelingen>`,
  ];
  const extra = [
    extraField('inventarisnummer', [String(entry.number)]),
    extraField('beoordeling', [judgementOf(entry) ?? 'niet verwerkt']),
    ...(grounds.length ? [extraField('weigeringsgronden', grounds.map((g) => `${g} (${groundByCode(g).article})`))] : []),
  ];
  return `<diwoo:Document><diwoo:DiWoo>${parts.join('')}</diwoo:DiWoo><diwoo:extraMetadata><diwoo:extraMetadatavelden>${extra.join('')}</diwoo:extraMetadatavelden></diwoo:extraMetadata></diwoo:Document>`;
}

/** One document's metadata as a file of its own. */
export function diwooDocumentXml(doc: DiwooDocument, config: PublicationConfig): string {
  const element = diwooDocumentElement(doc, config).replace('<diwoo:Document>', `<diwoo:Document xmlns:diwoo="${DIWOO_NAMESPACE}">`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element}\n`;
}

/** The batch as a sitemap with a DiWoo extension, the way publication platforms harvest it: one
 * `<url>` per published file, its location and its metadata. */
export function diwooSitemapXml(docs: readonly DiwooDocument[], config: PublicationConfig): string {
  const urls = docs
    .filter((d) => d.entry.publishedFile)
    .map((d) => `<url><loc>${escape(`${config.baseUrl ?? ''}${encodeURIComponent(d.entry.publishedFile!)}`)}</loc><lastmod>${d.madeAt.toISOString()}</lastmod>${diwooDocumentElement(d, config)}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NAMESPACE}" xmlns:diwoo="${DIWOO_NAMESPACE}">\n${urls.join('\n')}\n</urlset>\n`;
}
