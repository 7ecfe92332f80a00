import type { DocumentRecord } from '@woo/db';

/** The name of a document's source file, from its display name: the uploaded file for the first
 * document of an upload ("stukken.zip › a.pdf" came out of stukken.zip, which is its source), the
 * attached file itself for an attachment or archive member. */
export function sourceFileName(doc: Pick<DocumentRecord, 'filename' | 'family'>): string {
  const segments = doc.filename.split(' › ');
  const name = (doc.family?.position ?? 0) === 0 ? segments[0]! : segments.at(-1)!;
  return name.split('/').pop()!;
}

/**
 * `Content-Disposition: attachment` for a name a coordinator or an e-mail sender chose: an ASCII
 * fallback without quotes, backslashes or control characters, and the exact name as RFC 5987
 * UTF-8 (every byte outside the unreserved set percent-encoded), so no header can be injected or
 * broken whatever the name holds.
 */
export function sourceDisposition(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'bronbestand';
  const fallback = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
