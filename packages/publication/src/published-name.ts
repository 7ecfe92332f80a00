/** Names in openbaar/: the inventory number and a neutral title, never the original file name
 * (a file name can itself hold a name). */

export function neutralTitle(number: number): string {
  return `Document ${number}`;
}

export function inventoryNumberText(number: number): string {
  return String(number).padStart(4, '0');
}

/** "0007-document-7.pdf". */
export function publishedFileName(number: number, title: string, extension = 'pdf'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${inventoryNumberText(number)}${slug ? `-${slug}` : ''}.${extension}`;
}
