import { simpleParser, type AddressObject, type Attachment } from 'mailparser';
import { htmlToText, inlineImageIds } from './html-text.js';
import { formatAddress, type MailFile, type MailMessage } from './message.js';
import { threadId } from './thread.js';

function addresses(field: AddressObject | AddressObject[] | undefined): string {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const people = objects.flatMap((o) => o.value).flatMap((a) => (a.group ? a.group : [a]));
  return people.map((a) => formatAddress(a.name, a.address)).filter(Boolean).join('; ');
}

function fileOf(attachment: Attachment, index: number): MailFile {
  const fallback = attachment.contentType === 'message/rfc822' ? `bericht-${index + 1}.eml` : `bijlage-${index + 1}`;
  return { fileName: attachment.filename?.trim() || fallback, bytes: new Uint8Array(attachment.content) };
}

/** An RFC 822 message (.eml). Images the HTML body shows by Content-ID are drawn with the body;
 * every other part (including attached messages) is an attachment. */
export async function parseEml(bytes: Uint8Array): Promise<MailMessage> {
  // cid: links stay links (no data: URIs in the HTML): the images are taken from the parts
  const mail = await simpleParser(Buffer.from(bytes), { keepCidLinks: true, skipImageLinks: true, skipTextToHtml: true });
  // the parser takes anything for a body; without a sender, recipient, date or subject it was no mail
  if (!['from', 'to', 'date', 'subject'].some((header) => mail.headers.has(header))) throw new Error('no message headers');
  const html = typeof mail.html === 'string' ? mail.html : '';
  const shown = new Set(inlineImageIds(html));
  const isShown = (a: Attachment) => a.contentType.startsWith('image/') && a.cid !== undefined && shown.has(a.cid.toLowerCase());
  const thread = threadId({ messageId: mail.messageId, inReplyTo: mail.inReplyTo, references: mail.references });
  return {
    ...(thread ? { threadId: thread } : {}),
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    bcc: addresses(mail.bcc),
    ...(mail.date ? { date: mail.date } : {}),
    subject: mail.subject ?? '',
    body: html ? htmlToText(html) : (mail.text ?? ''),
    inlineImages: mail.attachments.filter(isShown).map(fileOf),
    attachments: mail.attachments.map((a, i) => ({ a, i })).filter(({ a }) => !isShown(a)).map(({ a, i }) => fileOf(a, i)),
  };
}
