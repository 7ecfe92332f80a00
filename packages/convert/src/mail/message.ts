/** A message as the printed page shows it, whatever format it came in (.eml or .msg). */
export interface MailMessage {
  from: string;
  to: string;
  cc: string;
  bcc: string;
  date?: Date;
  subject: string;
  /** The body as text; an HTML body already laid out as text (html-text.ts). */
  body: string;
  /** Images the body shows (inline, by Content-ID) in the order they appear; drawn after the text. */
  inlineImages: MailFile[];
  /** Attached files (including attached messages), in the order of the message. */
  attachments: MailFile[];
  /** The message's thread (thread.ts), when its headers name one. */
  threadId?: string;
}

export interface MailFile {
  fileName: string;
  bytes: Uint8Array;
}

/** "Naam <adres>" for one person: the display name and the address stay together, so the
 * detector sees them as one. */
export function formatAddress(name: string | undefined, address: string | undefined): string {
  const n = (name ?? '').trim();
  const a = (address ?? '').trim();
  if (n && a && n.toLowerCase() !== a.toLowerCase()) return `${n} <${a}>`;
  return n || a;
}
