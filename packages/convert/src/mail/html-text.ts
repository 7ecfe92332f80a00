import { convert } from 'html-to-text';

/**
 * An HTML body as plain text laid out for print: paragraphs, lists and tables kept apart, links
 * with their address. Everything in the markup that holds text is kept, including what CSS hides
 * (display:none, white on white): hidden text in a mail is shown and read, never silently
 * published or dropped. Images are drawn separately (render.ts); nothing is fetched.
 */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
      { selector: 'table', format: 'dataTable', options: { maxColumnWidth: 40, uppercaseHeaderCells: false } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
    ],
  });
}

/** Content-IDs of the images an HTML body shows, in the order it shows them. */
export function inlineImageIds(html: string): string[] {
  const ids: string[] = [];
  for (const m of html.matchAll(/src\s*=\s*["']?cid:([^"'\s>]+)/gi)) {
    const id = decodeURIComponent(m[1]!).toLowerCase();
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
