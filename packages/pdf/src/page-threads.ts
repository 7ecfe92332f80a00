import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DocumentError, positiveIntFromEnv, type DocumentErrorCode, type Page } from '@woo/core';

/* Pages of one document read on all cores: the calling thread reads its share and hands the rest
 * to page threads (worker_threads, page-thread.ts) with plain-data messages. The threads are kept
 * for the next document (starting one costs about as much as reading a few pages); an idle thread
 * does not keep the process alive. */

export interface PageRequest {
  id: number;
  bytes: Uint8Array;
  pages: number[];
}

export type PageReply = { id: number; pages: Page[] } | { id: number; error: { code?: DocumentErrorCode; message: string } };

/** Threads reading one document's pages, the calling one included (PAGE_THREADS; default: the
 * cores, at most 4). */
export function pageThreadCount(env: NodeJS.ProcessEnv = process.env): number {
  return positiveIntFromEnv(env, 'PAGE_THREADS', Math.min(availableParallelism(), 4));
}

/** A thread is worth its messages from this many pages of its own. */
export const MIN_PAGES_PER_THREAD = 4;

/** The page threads run the TypeScript sources through tsx, like every process of the workspace. */
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
const ENTRY = new URL('./page-thread.ts', import.meta.url).href;
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.entry); });`;

interface Slot {
  worker: Worker;
  pending?: { id: number; resolve(pages: Page[]): void; reject(err: Error): void };
}

const slots: Slot[] = [];
let nextId = 0;

function start(): Slot {
  const slot: Slot = { worker: new Worker(BOOT, { eval: true, workerData: { tsx: TSX_API, entry: ENTRY } }) };
  slot.worker.unref();
  slot.worker.on('message', (reply: PageReply) => {
    const pending = slot.pending;
    if (!pending || pending.id !== reply.id) return;
    slot.pending = undefined;
    slot.worker.unref();
    if ('pages' in reply) pending.resolve(reply.pages);
    else pending.reject(reply.error.code ? new DocumentError(reply.error.code, reply.error.message) : new Error(reply.error.message));
  });
  // a thread that failed or stopped is dropped; its request fails (an error is followed by exit)
  const lost = (err: Error) => {
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    slot.pending?.reject(err);
    slot.pending = undefined;
  };
  slot.worker.on('error', lost);
  slot.worker.on('exit', (code) => lost(new Error(`page thread stopped (exit code ${code})`)));
  slots.push(slot);
  return slot;
}

/** Reads `pages` of the document in an idle page thread (started when none is idle). */
function inThread(bytes: Uint8Array, pages: number[]): Promise<Page[]> {
  const slot = slots.find((s) => !s.pending) ?? start();
  const id = nextId++;
  return new Promise<Page[]>((resolve, reject) => {
    slot.pending = { id, resolve, reject };
    slot.worker.ref();
    slot.worker.postMessage({ id, bytes, pages } satisfies PageRequest);
  });
}

/** Every page of a document with `numPages` pages, in order: the calling thread reads every
 * `threads`-th page with `readHere`, page threads read the others. */
export async function readPagesOnAllCores(bytes: Uint8Array, numPages: number, threads: number, readHere: (pages: number[]) => Promise<Page[]>): Promise<Page[]> {
  const shares: number[][] = Array.from({ length: threads }, () => []);
  for (let n = 1; n <= numPages; n++) shares[(n - 1) % threads]!.push(n);
  const [own, ...others] = shares;
  const read = await Promise.all([readHere(own!), ...others.map((pages) => inThread(bytes, pages))]);
  return read.flat().sort((a, b) => a.number - b.number);
}
