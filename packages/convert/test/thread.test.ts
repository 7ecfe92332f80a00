import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convertStage } from '../src/index.js';
import { threadHeaders, threadId } from '../src/mail/thread.js';

/** A message with the thread headers given, and a text attachment. */
function message(headers: string[], attachment = true): Uint8Array {
  const body = attachment
    ? [
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Zie de bijlage.',
        '--b',
        'Content-Type: application/pdf; name="bijlage.pdf"',
        'Content-Disposition: attachment; filename="bijlage.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 geen echte pdf').toString('base64'),
        '--b--',
      ]
    : ['Content-Type: text/plain; charset=utf-8', '', 'Tekst.'];
  return strToU8(['From: Jan de Vries <jan.devries@example.nl>', 'To: info@gemeente.example', 'Subject: Vergunning', 'MIME-Version: 1.0', ...headers, ...body].join('\r\n'));
}

describe('thread id', () => {
  it('is the hash of the root message id: References first, then In-Reply-To, then the own Message-ID', () => {
    const root = threadId({ messageId: '<jan.devries.1@example.nl>' })!;
    expect(root).toMatch(/^[0-9a-f]{12}$/);
    expect(threadId({ messageId: '<antwoord@gemeente.example>', inReplyTo: '<jan.devries.1@example.nl>' })).toBe(root);
    expect(threadId({ messageId: '<3@x>', inReplyTo: '<2@x>', references: ['<jan.devries.1@example.nl>', '<2@x>'] })).toBe(root);
    expect(threadId({ messageId: '<3@x>', references: '<jan.devries.1@example.nl> <2@x>' })).toBe(root);
    expect(threadId({ messageId: '<ander@example.nl>' })).not.toBe(root);
    expect(threadId({})).toBeUndefined();
  });

  it('reads In-Reply-To and References from folded transport headers (Outlook .msg)', () => {
    expect(threadHeaders('Subject: x\r\nIn-Reply-To: <a@x>\r\nReferences: <root@x>\r\n <a@x>\r\n')).toEqual({ inReplyTo: '<a@x>', references: '<root@x> <a@x>' });
  });

  it('gives a message and its attachments the thread of the conversation, never the Message-ID itself', async () => {
    const first = await convertStage('eerste.eml', message(['Message-ID: <jan.devries.1@example.nl>'], false));
    const reply = await convertStage('antwoord.eml', message(['Message-ID: <2@gemeente.example>', 'In-Reply-To: <jan.devries.1@example.nl>', 'References: <jan.devries.1@example.nl>']));
    const other = await convertStage('ander.eml', message(['Message-ID: <los@example.nl>'], false));
    expect(reply.map((p) => p.fileName)).toEqual(['antwoord.eml', 'bijlage.pdf']);
    expect(reply.map((p) => p.threadId)).toEqual([first[0]!.threadId, first[0]!.threadId]);
    expect(first[0]!.threadId).toMatch(/^[0-9a-f]{12}$/);
    expect(other[0]!.threadId).not.toBe(first[0]!.threadId);
    expect(JSON.stringify(reply.map(({ source: _s, working: _w, ...rest }) => rest))).not.toContain('jan.devries.1');
  });

  it('dates a message and its attachments by the day it was sent in the Netherlands', async () => {
    // 23:30 UTC on 4 March is 00:30 on 5 March in Amsterdam
    const late = await convertStage('laat.eml', message(['Message-ID: <laat@example.nl>', 'Date: Mon, 4 Mar 2024 23:30:00 +0000']));
    expect(late.map((p) => p.date)).toEqual(['2024-03-05', '2024-03-05']);
    const undated = await convertStage('zonder.eml', message(['Message-ID: <zonder@example.nl>'], false));
    expect(undated[0]!.date).toBeUndefined();
  });
});
