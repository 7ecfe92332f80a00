import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DocumentError, positiveIntFromEnv, type DocumentErrorCode, type Page } from '@woo/core';
import { drainQueue, PageQueue, type SharedPageQueue } from './page-queue.js';
import { readTextLayer, type TextPage } from './text-items.js';

/* Pages of one document read on all cores: the calling thread and page threads (worker_threads,
 * page-thread.ts) take the pages from one queue (page-queue.ts) and answer with plain data. Other
 * packages run their own page work there too (`runAside`). The threads are kept for the next
 * document (starting one costs about as much as reading a few pages); an idle thread does not keep
 * the process alive. */

export type PageRequest = { id: number } & (
  | { kind: 'extract'; bytes: Uint8Array; queue: SharedPageQueue }
  | { kind: 'text'; bytes: Uint8Array }
  /** Any exported function of a module of the workspace, called with plain data. */
  | { kind: 'task'; module: string; name: string; args: unknown }
);

export type PageReply =
  | { id: number; kind: 'extract'; pages: Page[] }
  | { id: number; kind: 'text'; numPages: number; pages: TextPage[] }
  | { id: number; kind: 'task'; result: unknown }
  | { id: number; error: { code?: DocumentErrorCode; message: string } };

type Answer = Exclude<PageReply, { error: unknown }>;

/** Threads reading one document's pages, the calling one included (PAGE_THREADS; default: the
 * cores, at most 4). */
export function pageThreadCount(env: NodeJS.ProcessEnv = process.env): number {
  return positiveIntFromEnv(env, 'PAGE_THREADS', Math.min(availableParallelism(), 4));
}

/** A thread is worth its messages from this many pages of its own. */
const MIN_PAGES_PER_THREAD = 4;

/** Threads, the calling one included, worth sharing `count` pages out to. */
export function threadsFor(count: number): number {
  return Math.max(1, Math.min(pageThreadCount(), Math.floor(count / MIN_PAGES_PER_THREAD)));
}

/** The page threads run the TypeScript sources through tsx, like every process of the workspace. */
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
const ENTRY = new URL('./page-thread.ts', import.meta.url).href;
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.entry); });`;

interface Pending {
  resolve(reply: Answer): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

const slots: Slot[] = [];
let nextId = 0;

function start(): Slot {
  const slot: Slot = { worker: new Worker(BOOT, { eval: true, workerData: { tsx: TSX_API, entry: ENTRY } }), pending: new Map() };
  slot.worker.unref();
  slot.worker.on('message', (reply: PageReply) => {
    const pending = slot.pending.get(reply.id);
    if (!pending) return;
    slot.pending.delete(reply.id);
    if (!slot.pending.size) slot.worker.unref();
    if ('error' in reply) pending.reject(reply.error.code ? new DocumentError(reply.error.code, reply.error.message) : new Error(reply.error.message));
    else pending.resolve(reply);
  });
  // a thread that failed or stopped is dropped; its requests fail (an error is followed by exit)
  const lost = (err: Error) => {
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    for (const pending of slot.pending.values()) pending.reject(err);
    slot.pending.clear();
  };
  slot.worker.on('error', lost);
  slot.worker.on('exit', (code) => lost(new Error(`page thread stopped (exit code ${code})`)));
  slots.push(slot);
  return slot;
}

/** Runs a request in a page thread: an idle one, a new one while there are fewer than the cores
 * leave room for (the calling thread counts as one), else the least busy one, which takes it up
 * beside its other work. */
function inThread(request: DistributiveOmit<PageRequest, 'id'>): Promise<Answer> {
  const idle = slots.find((s) => !s.pending.size);
  const slot = idle ?? (slots.length < pageThreadCount() - 1 || !slots.length ? start() : slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a)));
  const id = nextId++;
  return new Promise<Answer>((resolve, reject) => {
    slot.pending.set(id, { resolve, reject });
    slot.worker.ref();
    slot.worker.postMessage({ id, ...request } as PageRequest);
  });
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Calls `name` of `module` (a module URL of the workspace) with plain-data `args` in a page
 * thread, and gives its result back. */
export async function runAside<T>(module: string, name: string, args: unknown): Promise<T> {
  const reply = await inThread({ kind: 'task', module, name, args });
  if (reply.kind !== 'task') throw new Error('a page thread answered another request');
  return reply.result as T;
}

async function extractInThread(bytes: Uint8Array, queue: SharedPageQueue): Promise<Page[]> {
  const reply = await inThread({ kind: 'extract', bytes, queue });
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

/** Pages 1 … `count` worked through on the calling thread (`here`) and on page threads at once
 * (`aside`, called once per page thread with its view of the shared queue). When one thread
 * fails, the others take no more pages and the failure is the result. In no particular order. */
export async function shareOut<T>(count: number, here: (page: number) => Promise<T>, aside: (queue: SharedPageQueue) => Promise<T[]>): Promise<T[]> {
  const threads = threadsFor(count);
  const queue = PageQueue.create(count, threads);
  const workers = [drainQueue(queue, here), ...Array.from({ length: threads - 1 }, (_, k) => aside(queue.forThread(k + 1)))];
  const done = await Promise.all(
    workers.map((w) =>
      w.catch((err: unknown) => {
        queue.close();
        throw err;
      }),
    ),
  );
  return done.flat();
}

/** Every page of a document with `numPages` pages, in order, read by the calling thread (with
 * `readHere`) and page threads. */
export async function readPagesOnAllCores(bytes: Uint8Array, numPages: number, readHere: (page: number) => Promise<Page>): Promise<Page[]> {
  const pages = await shareOut(numPages, readHere, (queue) => extractInThread(bytes, queue));
  return pages.sort((a, b) => a.number - b.number);
}
