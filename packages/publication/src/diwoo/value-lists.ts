import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The DiWoo 0.9.8 schema, kept in the repository so validation and the value lists work offline. */
export const DIWOO_SCHEMA_DIR = fileURLToPath(new URL('../../schema/diwoo-0.9.8/', import.meta.url));
export const DIWOO_SCHEMA = `${DIWOO_SCHEMA_DIR}diwoo-metadata.xsd`;
export const DIWOO_NAMESPACE = 'https://standaarden.overheid.nl/diwoo/metadata/';

export interface ListValue {
  uri: string;
  label: string;
}

/** The value lists the schema restricts `resource` attributes to (diwoo-metadata-lijsten.xsd). */
export type ListName =
  | 'collijst'
  | 'gemeentelijst'
  | 'ministerielijst'
  | 'provincielijst'
  | 'oorglijst'
  | 'solijst'
  | 'waterschapslijst'
  | 'zbolijst'
  | 'informatiecategorielijst'
  | 'soorthandelinglijst'
  | 'taallijst'
  | 'formatlijst';

/** The organisation lists whose union is the schema's `organisatielijst`. */
export const ORGANISATION_LISTS: readonly ListName[] = ['collijst', 'gemeentelijst', 'ministerielijst', 'provincielijst', 'oorglijst', 'solijst', 'waterschapslijst', 'zbolijst'];

const cache = new Map<ListName, ListValue[]>();

/** The values of one list with their (first) label, read from the schema itself so the lists
 * never drift from what validation accepts. */
export function valueList(name: ListName): ListValue[] {
  let values = cache.get(name);
  if (values) return values;
  const xsd = readFileSync(`${DIWOO_SCHEMA_DIR}diwoo-metadata-lijsten.xsd`, 'utf8');
  const start = xsd.indexOf(`<xs:simpleType name="${name}"`);
  if (start < 0) throw new Error(`DiWoo value list ${name} not in the schema`);
  const block = xsd.slice(start, xsd.indexOf('</xs:simpleType>', start));
  values = [...block.matchAll(/<xs:enumeration value="([^"]+)">.*?<dita:p[^>]*>([^<]*)<\/dita:p>/gs)].map((m) => ({ uri: m[1]!, label: m[2]!.trim() }));
  cache.set(name, values);
  return values;
}

/** Finds a value by URI or (case-insensitive) label in the given lists. */
export function findValue(lists: readonly ListName[], uriOrLabel: string): ListValue | undefined {
  const wanted = uriOrLabel.trim().toLowerCase();
  for (const list of lists) {
    const hit = valueList(list).find((v) => v.uri.toLowerCase() === wanted || v.label.toLowerCase() === wanted);
    if (hit) return hit;
  }
  return undefined;
}

export const DUTCH: ListValue = { uri: 'http://publications.europa.eu/resource/authority/language/NLD', label: 'Nederlands' };
export const PDF_FORMAT: ListValue = { uri: 'http://publications.europa.eu/resource/authority/file-type/PDF', label: 'PDF' };
/** Making the public version of a document is recorded as its "vaststelling". */
export const ESTABLISHMENT: ListValue = { uri: 'https://identifier.overheid.nl/tooi/def/thes/kern/c_641ecd76', label: 'vaststelling' };
/** The default information category of a batch: the documents that go with a Woo decision. */
export const WOO_REQUESTS_CATEGORY = 'https://identifier.overheid.nl/tooi/def/thes/kern/c_3baef532';
