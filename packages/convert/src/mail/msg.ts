import { createRequire } from 'node:module';
import type { FieldsData } from '@kenjiuno/msgreader';
import { htmlToText, inlineImageIds } from './html-text.js';
import { formatAddress, type MailFile, type MailMessage } from './message.js';
import { threadHeaders, threadId } from './thread.js';

/** What is used of the reader. */
interface MsgReaderClass {
  new (data: DataView): {
    getFileData(): FieldsData;
    getAttachment(attachment: FieldsData): { fileName: string; content: Uint8Array };
  };
}

// CommonJS with the class as `exports.default`. Loaded with require, whose result is the same for
// Node and for bundling loaders (vitest), and whose type does not depend on how TypeScript reads
// the package's format.
const MsgReader = (createRequire(import.meta.url)('@kenjiuno/msgreader') as { default: MsgReaderClass }).default;

function recipients(all: readonly FieldsData[], type: 'to' | 'cc' | 'bcc'): string {
  return all
    .filter((r) => (r.recipType ?? 'to') === type)
    .map((r) => formatAddress(r.name, r.smtpAddress ?? r.email))
    .filter(Boolean)
    .join('; ');
}

function dateOf(fields: FieldsData): Date | undefined {
  const raw = fields.clientSubmitTime ?? fields.messageDeliveryTime ?? fields.creationTime;
  const date = raw ? new Date(raw) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function htmlBody(fields: FieldsData): string {
  if (fields.bodyHtml) return fields.bodyHtml;
  return fields.html ? Buffer.from(fields.html).toString('utf8') : '';
}

/** An Outlook message (.msg). An attached message comes out as a .msg of its own. */
export function parseMsg(bytes: Uint8Array): MailMessage {
  const reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const fields = reader.getFileData();
  if (fields.error) throw new Error(String(fields.error));
  const html = htmlBody(fields);
  const shown = new Set(inlineImageIds(html));
  const inlineImages: MailFile[] = [];
  const attachments: MailFile[] = [];
  (fields.attachments ?? []).forEach((attachment, i) => {
    const data = reader.getAttachment(attachment);
    const fallback = attachment.innerMsgContent ? `bericht-${i + 1}.msg` : `bijlage-${i + 1}`;
    const file = { fileName: data.fileName?.trim() || fallback, bytes: data.content };
    const cid = attachment.pidContentId?.toLowerCase();
    if (cid && shown.has(cid)) inlineImages.push(file);
    else attachments.push(file);
  });
  const date = dateOf(fields);
  const thread = threadId({ messageId: fields.messageId, ...threadHeaders(fields.headers) });
  return {
    ...(thread ? { threadId: thread } : {}),
    from: formatAddress(fields.senderName, fields.senderSmtpAddress ?? fields.senderEmail),
    to: recipients(fields.recipients ?? [], 'to'),
    cc: recipients(fields.recipients ?? [], 'cc'),
    bcc: recipients(fields.recipients ?? [], 'bcc'),
    ...(date ? { date } : {}),
    subject: fields.subject ?? '',
    body: html ? htmlToText(html) : (fields.body ?? ''),
    inlineImages,
    attachments,
  };
}
