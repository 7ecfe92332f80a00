import path from 'node:path';
import { neutralTitle, publishedFileName } from '@woo/publication';

/** The two folders of a run, never mixed: what may be published, and what names what was removed. */
export interface OutputLayout {
  out: string;
  /** Redacted PDFs, inventory, DiWoo metadata, public redaction logs, onderbouwingsrapport. */
  public: string;
  /** Redaction reports with the removed text, the processing log with the original file names. */
  confidential: string;
}

export function outputLayout(out: string): OutputLayout {
  return { out, public: path.join(out, 'openbaar'), confidential: path.join(out, 'vertrouwelijk') };
}

/** Where one document's results go. Names in openbaar/ carry the inventory number and a neutral
 * title; the original name (which can itself hold a name) is used only in vertrouwelijk/. */
export interface DocumentPaths {
  title: string;
  /** The published PDF. */
  pdf: string;
  /** The public redaction log: page, category and ground per box. */
  log: string;
  /** The DiWoo metadata of the published PDF. */
  metadata: string;
  /** The confidential redaction report. */
  report: string;
}

export function documentPaths(layout: OutputLayout, originalName: string, number: number): DocumentPaths {
  const title = neutralTitle(number);
  return {
    title,
    pdf: path.join(layout.public, publishedFileName(number, title)),
    log: path.join(layout.public, 'lakkingen', publishedFileName(number, title, 'csv')),
    metadata: path.join(layout.public, 'diwoo', publishedFileName(number, title, 'xml')),
    report: path.join(layout.confidential, `${originalName}.redactions.json`),
  };
}
