import { createHash } from 'node:crypto';

/** The headers that tie a message to its thread (RFC 5322 3.6.4). */
export interface ThreadHeaders {
  messageId?: string | undefined;
  inReplyTo?: string | undefined;
  references?: string | readonly string[] | undefined;
}

/** The message ids in a header value: each `<...>`, or the bare value when it has no brackets. */
function messageIds(value: string | readonly string[] | undefined): string[] {
  const text = (Array.isArray(value) ? value.join(' ') : (value ?? '')) as string;
  const bracketed = [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (bracketed.length) return bracketed;
  const bare = text.trim();
  return bare && !/\s/.test(bare) ? [bare] : [];
}

/**
 * The thread of a message: a short stable hash (sha-256, 12 hex) of the thread's root message id,
 * which is the first of References, else In-Reply-To, else the message's own Message-ID. Replies
 * and forwards of one conversation share it. The id itself is never kept: it may hold a name
 * ("jan.jansen.1234@...") and the thread id goes into public lists.
 */
export function threadId(headers: ThreadHeaders): string | undefined {
  const root = messageIds(headers.references)[0] ?? messageIds(headers.inReplyTo)[0] ?? messageIds(headers.messageId)[0];
  return root === undefined ? undefined : createHash('sha256').update(root, 'utf8').digest('hex').slice(0, 12);
}

/** The thread headers in a block of transport headers (Outlook keeps those of a received message). */
export function threadHeaders(transportHeaders: string | undefined): Pick<ThreadHeaders, 'inReplyTo' | 'references'> {
  const unfolded = (transportHeaders ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded)?.[1];
  return { inReplyTo: header('In-Reply-To'), references: header('References') };
}
