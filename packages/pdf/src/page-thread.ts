import { parentPort } from 'node:worker_threads';
import { DocumentError } from '@woo/core';
import { extractPages } from './extract.js';
import { pageNumbers, withPdf } from './open.js';
import type { PageRequest, PageReply } from './page-threads.js';
import { textPages } from './text-items.js';

/* One page thread (page-threads.ts): opens the document it is sent and extracts the pages it is
 * asked for (or reads their text layer as a viewer does), one request at a time, answering with
 * plain data. */

async function answer(request: PageRequest): Promise<PageReply> {
  return withPdf(request.bytes, async (handle) => {
    if (request.kind === 'text') return { id: request.id, kind: 'text', numPages: handle.numPages, pages: await textPages(handle, request.pages ?? pageNumbers(handle)) };
    return { id: request.id, kind: 'extract', pages: await extractPages(handle, request.pages ?? pageNumbers(handle)) };
  });
}

parentPort!.on('message', (request: PageRequest) => {
  answer(request).then(
    (reply) => parentPort!.postMessage(reply),
    (err: unknown) => {
      const error = err instanceof DocumentError ? { code: err.code, message: err.message } : { message: err instanceof Error ? err.message : String(err) };
      parentPort!.postMessage({ id: request.id, error } satisfies PageReply);
    },
  );
});
