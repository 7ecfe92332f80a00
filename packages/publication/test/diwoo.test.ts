import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Redaction } from '@woo/core';
import { publicationConfig, settingsFromEnv } from '../src/diwoo/config.js';
import { DIWOO_NAMESPACE, DIWOO_SCHEMA, DUTCH, ESTABLISHMENT, findValue, PDF_FORMAT, valueList } from '../src/diwoo/value-lists.js';
import { diwooDocumentXml, diwooSitemapXml, type DiwooDocument } from '../src/diwoo/xml.js';

const dir = mkdtempSync(path.join(tmpdir(), 'diwoo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** xmllint's verdict on one file against the DiWoo 0.9.8 schema. */
function validate(xml: string, name: string): { ok: boolean; output: string } {
  const file = path.join(dir, name);
  writeFileSync(file, xml);
  try {
    return { ok: true, output: execFileSync('xmllint', ['--noout', '--schema', DIWOO_SCHEMA, file], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (err) {
    return { ok: false, output: String((err as { stderr?: string }).stderr ?? err) };
  }
}

function redaction(ground: Redaction['ground']): Redaction {
  return { id: 'r', page: 1, boxes: [], text: 'x', category: 'name', ground, confidence: 1, detector: 't', explanation: '', status: 'accepted', needsReview: false };
}

const config = publicationConfig({ publisher: 'gemeente Amsterdam', responsible: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0363' }, 'adviezen')!;

/** A varied batch: titles with XML specials, with and without date, grounds, family, failures. */
const docs: DiwooDocument[] = [
  { entry: { number: 1, documentId: 'abc', title: 'Document 1', pages: 1, redactions: [redaction('5.1.2e'), redaction('5.1.2i')], publishedFile: '0001-document-1.pdf', date: '2024-02-29', familyId: 'F1' }, madeAt: new Date('2025-01-02T03:04:05Z') },
  { entry: { number: 2, documentId: 'd&e', title: 'Bijlage <2> & "zo"', pages: 3, redactions: [], publishedFile: '0002-bijlage-2-zo.pdf', familyId: 'F1' }, madeAt: new Date('2025-01-02T03:04:06Z') },
  { entry: { number: 3, documentId: 'f', title: 'Document 3', pages: 0, redactions: [], error: 'Dit bestand is leeg.' }, madeAt: new Date('2025-01-02T03:04:07Z') },
];

describe('DiWoo metadata', () => {
  it('validates against the DiWoo 0.9.8 schema with xmllint, document by document', () => {
    for (const doc of docs) {
      const result = validate(diwooDocumentXml(doc, config), `${doc.entry.number}.xml`);
      expect(result, result.output).toMatchObject({ ok: true });
    }
  });

  it('puts every published document into the sitemap index, each with valid metadata', () => {
    const sitemap = diwooSitemapXml(docs, { ...config, baseUrl: 'https://open.example.nl/woo/' });
    execFileSync('xmllint', ['--noout', '-'], { input: sitemap });
    const embedded = [...sitemap.matchAll(/<diwoo:Document>.*?<\/diwoo:Document>/gs)].map((m) => m[0]);
    expect(embedded).toHaveLength(2);
    expect(sitemap).toContain('<loc>https://open.example.nl/woo/0001-document-1.pdf</loc>');
    embedded.forEach((element, i) => {
      const xml = element.replace('<diwoo:Document>', `<diwoo:Document xmlns:diwoo="${DIWOO_NAMESPACE}">`);
      const result = validate(xml, `sitemap-${i}.xml`);
      expect(result, result.output).toMatchObject({ ok: true });
    });
  });

  it('fails validation when a required part is missing (the check can fail)', () => {
    const broken = diwooDocumentXml(docs[0]!, config).replace(/<diwoo:documenthandelingen>.*<\/diwoo:documenthandelingen>/s, '');
    expect(validate(broken, 'broken.xml').ok).toBe(false);
  });

  it('takes configuration from the environment and refuses values that are not on the lists', () => {
    expect(publicationConfig(settingsFromEnv({}))).toBeUndefined();
    const fromEnv = publicationConfig(settingsFromEnv({ WOO_PUBLISHER: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0363' }))!;
    expect(fromEnv.publisher.label).toBe('gemeente Amsterdam');
    expect(fromEnv.informationCategory.label).toBe('Woo-verzoeken en -besluiten');
    expect(() => publicationConfig({ publisher: 'gemeente Nergenshuizen' })).toThrow(/TOOI-organisatielijsten/);
    expect(() => publicationConfig({ publisher: 'gemeente Amsterdam', informationCategory: 'recepten' })).toThrow(/Informatiecategorie "recepten" is onbekend/);
    expect(valueList('informatiecategorielijst').length).toBeGreaterThan(15);
    // the fixed values are on their lists, with the lists' own labels
    expect(findValue(['taallijst'], DUTCH.uri)).toEqual(DUTCH);
    expect(findValue(['formatlijst'], PDF_FORMAT.uri)).toEqual(PDF_FORMAT);
    expect(findValue(['soorthandelinglijst'], ESTABLISHMENT.uri)).toEqual(ESTABLISHMENT);
  });
});
