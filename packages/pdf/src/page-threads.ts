import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DocumentError, positiveIntFromEnv, type DocumentErrorCode, type Page } from '@woo/core';
import { readTextLayer, type TextPage } from './text-items.js';

/* Pages of one document read on all cores: the calling thread reads its share and hands the rest
 * to page threads (worker_threads, page-thread.ts) with plain-data messages. The threads are kept
 * for the next document (starting one costs about as much as reading a few pages); an idle thread
 * does not keep the process alive. */

export interface PageRequest {
  id: number;
  kind: 'extract' | 'text';
  bytes: Uint8Array;
  /** Every page when absent. */
  pages?: number[];
}

export type PageReply =
  | { id: number; kind: 'extract'; pages: Page[] }
  | { id: number; kind: 'text'; numPages: number; pages: TextPage[] }
  | { id: number; error: { code?: DocumentErrorCode; message: string } };

type Answer = Exclude<PageReply, { error: unknown }>;

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
  pending?: { id: number; resolve(reply: Answer): void; reject(err: Error): void };
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
    if ('error' in reply) pending.reject(reply.error.code ? new DocumentError(reply.error.code, reply.error.message) : new Error(reply.error.message));
    else pending.resolve(reply);
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

/** Runs a request in an idle page thread (started when none is idle). */
function inThread(request: Omit<PageRequest, 'id'>): Promise<Answer> {
  const slot = slots.find((s) => !s.pending) ?? start();
  const id = nextId++;
  return new Promise<Answer>((resolve, reject) => {
    slot.pending = { id, resolve, reject };
    slot.worker.ref();
    slot.worker.postMessage({ id, ...request } satisfies PageRequest);
  });
}

async function extractInThread(bytes: Uint8Array, pages: number[]): Promise<Page[]> {
  const reply = await inThread({ kind: 'extract', bytes, pages });
  if (reply.kind !== 'extract') throw new Error('a page thread answered another request');
  return reply.pages;
}

/** The whole text layer of a document as a viewer extracts it, read off the calling thread when
 * there are page threads to spare, so that the caller can do other work meanwhile. */
export async function readTextLayerAside(bytes: Uint8Array): Promise<{ numPages: number; pages: TextPage[] }> {
  if (pageThreadCount() < 2) return readTextLayer(bytes);
  const reply = await inThread({ kind: 'text', bytes });
  if (reply.kind !== 'text') throw new Error('a page thread answered another request');
  return reply;
}

/** Every page of a document with `numPages` pages, in order: the calling thread reads every
 * `threads`-th page with `readHere`, page threads read the others. */
export async function readPagesOnAllCores(bytes: Uint8Array, numPages: number, threads: number, readHere: (pages: number[]) => Promise<Page[]>): Promise<Page[]> {
  const shares: number[][] = Array.from({ length: threads }, () => []);
  for (let n = 1; n <= numPages; n++) shares[(n - 1) % threads]!.push(n);
  const [own, ...others] = shares;
  const read = await Promise.all([readHere(own!), ...others.map((pages) => extractInThread(bytes, pages))]);
  return read.flat().sort((a, b) => a.number - b.number);
}
