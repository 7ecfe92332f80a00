import { parentPort } from 'node:worker_threads';
import { DocumentError } from '@woo/core';
import { extractPage } from './extract.js';
import { pageNumbers, withPdf } from './open.js';
import { drainQueue, PageQueue } from './page-queue.js';
import type { PageRequest, PageReply } from './page-threads.js';
import { textPages } from './text-items.js';

/* One page thread (page-threads.ts): opens the document it is sent and extracts pages from the
 * shared queue until it is empty, reads the whole text layer as a viewer does, or runs a task of
 * another package; it answers each request with plain data. */

async function answer(request: PageRequest): Promise<PageReply> {
  if (request.kind === 'task') {
    const module = (await import(request.module)) as Record<string, (args: unknown) => unknown>;
    const task = module[request.name];
    if (typeof task !== 'function') throw new Error(`${request.module} has no function ${request.name}`);
    return { id: request.id, kind: 'task', result: await task(request.args) };
  }
  return withPdf(request.bytes, async (handle) => {
    if (request.kind === 'text') return { id: request.id, kind: 'text', numPages: handle.numPages, pages: await textPages(handle, pageNumbers(handle)) };
    const pages = await drainQueue(new PageQueue(request.queue), (n) => extractPage(handle, n));
    return { id: request.id, kind: 'extract', pages };
  });
}

// one request at a time, in the order sent: a caller that queues a second request behind a first
// one (the verifier's page checks behind its text layer read) gets it started when the first is done
let last = Promise.resolve();
parentPort!.on('message', (request: PageRequest) => {
  last = last.then(() =>
    answer(request).then(
      (reply) => parentPort!.postMessage(reply),
      (err: unknown) => {
        const error = err instanceof DocumentError ? { code: err.code, message: err.message } : { message: err instanceof Error ? err.message : String(err) };
        parentPort!.postMessage({ id: request.id, error } satisfies PageReply);
      },
    ),
  );
});
