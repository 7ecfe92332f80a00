import { strFromU8, strToU8 } from 'fflate';
import type { Entries } from './unhide-ooxml.js';

/* OpenDocument (odt, ods, odp) edited like the OOXML packages (unhide-ooxml.ts): hidden text,
 * sections, paragraphs, rows, columns and sheets shown, comments put in the text, tracked
 * changes shown, linked files and macros cut. */

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function paragraphsText(xml: string): string {
  return [...xml.matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')).join(' ');
}

/** Where a comment's text can stand: in running text a span; in a spreadsheet cell (where the
 * comment is a child of the cell) a paragraph of its own. */
type CommentPlace = 'span' | 'paragraph';

function editContent(xml: string, tally: Record<string, number>, place: CommentPlace | undefined): string {
  tally.hidden! += count(xml, /text:display="none"|text:is-hidden="true"|table:display="false"/g);
  tally.collapsed! += count(xml, /table:visibility="(?:collapse|filter)"/g);
  let out = xml
    .replace(/text:display="none"/g, 'text:display="true"')
    .replace(/text:is-hidden="true"/g, 'text:is-hidden="false"')
    .replace(/table:display="false"/g, 'table:display="true"')
    .replace(/table:visibility="(?:collapse|filter)"/g, 'table:visibility="visible"')
    .replace(/<table:named-range\b[^>]*table:range-usable-as="[^"]*print-range[^"]*"[^>]*\/>/g, '')
    .replace(/\stable:print-ranges="[^"]*"/g, '');
  out = out.replace(/<office:annotation\b[^>]*>([\s\S]*?)<\/office:annotation>/g, (all, inner: string) => {
    if (!place) {
      tally.commentsLeft!++;
      return all;
    }
    tally.comments!++;
    const author = /<dc:creator>([^<]*)<\/dc:creator>/.exec(inner)?.[1];
    const text = `[Opmerking${author ? ` van ${author}` : ''}: ${paragraphsText(inner)}]`;
    return place === 'span' ? `<text:span> ${text}</text:span>` : `<text:p>${text}</text:p>`;
  });
  out = out.replace(/<office:annotation-end\b[^>]*\/>/g, '');
  // deleted text lives only in the change log: it is put back where it was removed
  const deletions = new Map<string, string>();
  for (const m of out.matchAll(/<text:changed-region\b[^>]*text:id="([^"]+)"[^>]*>([\s\S]*?)<\/text:changed-region>/g)) {
    const deleted = /<text:deletion>([\s\S]*?)<\/text:deletion>/.exec(m[2]!)?.[1];
    if (deleted !== undefined) deletions.set(m[1]!, paragraphsText(deleted));
  }
  out = out.replace(/<text:change\b[^>]*text:change-id="([^"]+)"[^>]*\/>/g, (all, id: string) => {
    const text = deletions.get(id);
    if (text === undefined) return all;
    tally.deleted!++;
    return `<text:span>${text}</text:span>`;
  });
  out = out.replace(/<text:tracked-changes\b[\s\S]*?<\/text:tracked-changes>/g, '').replace(/<text:change-(?:start|end)\b[^>]*\/>/g, '');
  // linked images, sections and tables outside the package are never fetched; hyperlinks stay
  return out.replace(/<((?!text:a\b)[\w-]+:[\w-]+)\b([^>]*?)\sxlink:href="([^"]*)"/g, (all, element: string, attributes: string, href: string) => {
    if (!/^(?:[a-z][\w+.-]*:|\/|\.\.)/i.test(href)) return all;
    tally.links!++;
    return `<${element}${attributes} xlink:href=""`;
  });
}

export function unhideOdf(entries: Entries): { entries: Entries; notes: string[] } | undefined {
  const mimetype = entries.mimetype ? strFromU8(entries.mimetype) : '';
  if (!mimetype.startsWith('application/vnd.oasis.opendocument.')) return undefined;
  // presentation comments hang on the slide, outside any text: they are left as they are
  const place: CommentPlace | undefined = mimetype.endsWith('.text') ? 'span' : mimetype.endsWith('.spreadsheet') ? 'paragraph' : undefined;
  const tally: Record<string, number> = { hidden: 0, collapsed: 0, comments: 0, commentsLeft: 0, deleted: 0, links: 0 };
  const out: Entries = {};
  let macros = 0;
  for (const [name, bytes] of Object.entries(entries)) {
    if (/^(Basic|Scripts)\//.test(name)) {
      macros++;
      continue;
    }
    out[name] = name === 'content.xml' || name === 'styles.xml' ? strToU8(editContent(strFromU8(bytes), tally, place)) : bytes;
  }
  const notes: string[] = [];
  if (tally.hidden) notes.push(`verborgen tekst, secties of werkbladen zichtbaar gemaakt (${tally.hidden}×)`);
  if (tally.collapsed) notes.push(`verborgen of weggefilterde rijen/kolommen zichtbaar gemaakt (${tally.collapsed}×)`);
  if (tally.comments) notes.push(`${tally.comments} opmerking(en) in de tekst gezet als [Opmerking van …]`);
  if (tally.commentsLeft) notes.push(`${tally.commentsLeft} opmerking(en) bij dia's niet in de PDF: controleer ze in het origineel`);
  if (tally.deleted) notes.push(`${tally.deleted} bijgehouden verwijdering(en) als gewone tekst teruggezet`);
  if (tally.links) notes.push(`${tally.links} externe koppeling(en) niet opgehaald`);
  if (macros) notes.push('macro\'s verwijderd (nooit uitgevoerd)');
  return { entries: out, notes };
}
