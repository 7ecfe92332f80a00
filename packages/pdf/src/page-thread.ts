import { parentPort } from 'node:worker_threads';
import { DocumentError } from '@woo/core';
import { extractPage } from './extract.js';
import { withPdf } from './open.js';
import type { PageRequest, PageReply } from './page-threads.js';

/* One page thread (page-threads.ts): opens the document it is sent and extracts the pages it is
 * asked for, one request at a time, answering with plain data. */

parentPort!.on('message', (request: PageRequest) => {
  withPdf(request.bytes, async (handle) => {
    const pages = [];
    for (const n of request.pages) pages.push(await extractPage(handle, n));
    return pages;
  }).then(
    (pages) => parentPort!.postMessage({ id: request.id, pages } satisfies PageReply),
    (err: unknown) => {
      const error = err instanceof DocumentError ? { code: err.code, message: err.message } : { message: err instanceof Error ? err.message : String(err) };
      parentPort!.postMessage({ id: request.id, error } satisfies PageReply);
    },
  );
});
