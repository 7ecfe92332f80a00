import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DocumentError } from '@woo/core';
import { residentMb, stageMemoryMb } from './memory.js';
import type { HeavyStages, StageName } from './tasks.js';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
/** The children run the TypeScript sources through tsx, like every process of the workspace. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const WATCH_MS = 100;
const STAGES: readonly StageName[] = ['convert', 'toPdf', 'extract', 'ocrPage', 'read', 'export'];

type Reply = { ready: true } | { id: number; result: unknown } | { id: number; error: { name: string; message: string; code?: string; stack?: string } };

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  pending?: { id: number; resolve(value: unknown): void; reject(err: unknown): void };
  overMemory: boolean;
}

export interface StagePoolOptions {
  /** Children at most, so stages at once (each child runs one at a time). */
  size: number;
  /** Resident memory per child (default STAGE_MEMORY_MB); a child over it is killed. */
  memoryMb?: number;
  env?: NodeJS.ProcessEnv;
}

function outOfMemory(memoryMb: number): DocumentError {
  return new DocumentError(
    'out-of-memory',
    `Het verwerken van dit document vroeg meer dan de toegestane ${memoryMb} MB geheugen (STAGE_MEMORY_MB) en is afgebroken; het is niet verwerkt. ` +
      'Splits het document, of lever het aan met afbeeldingen op een lagere resolutie.',
  );
}

function revive(error: { name: string; message: string; code?: string; stack?: string }): Error {
  if (error.name === 'DocumentError') return new DocumentError(error.code as DocumentError['code'], error.message);
  const err = new Error(error.message);
  err.name = error.name;
  if (error.stack) err.stack = error.stack;
  return err;
}

/**
 * Heavy stages in child processes with a memory cap, so one hostile file cannot take down the
 * process that asked (the API, a worker with other jobs, the CLI's batch). Children start on
 * first use and stay warm (pdfjs and tesseract loaded); a child that dies is replaced by the next
 * call. A child over its memory (heap limit, or resident memory watched every 100 ms) fails the
 * call with an 'out-of-memory' DocumentError; any other death with an internal error.
 */
export class StagePool {
  readonly stages: HeavyStages;
  readonly memoryMb: number;
  private readonly idle: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private readonly all = new Set<Slot>();
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: StagePoolOptions) {
    this.memoryMb = options.memoryMb ?? stageMemoryMb(options.env);
    const call = (stage: StageName) => (...args: unknown[]) => this.call(stage, args);
    this.stages = Object.fromEntries(STAGES.map((stage) => [stage, call(stage)])) as unknown as HeavyStages;
  }

  /** Process ids of the running children (for measurements). */
  pids(): number[] {
    return [...this.all].map((s) => s.child.pid).filter((pid): pid is number => pid !== undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const exits = [...this.all].map((slot) => new Promise((resolve) => (slot.child.exitCode !== null || slot.child.signalCode !== null ? resolve(undefined) : slot.child.once('exit', resolve))));
    for (const slot of this.all) {
      slot.child.ref(); // an unref'd child's exit would not keep this process waiting for it
      slot.child.kill('SIGKILL');
    }
    await Promise.all(exits);
  }

  private async call(stage: StageName, args: unknown[]): Promise<unknown> {
    if (this.closed) throw new Error('stage pool is closed');
    const slot = await this.acquire();
    try {
      await slot.ready;
      if (!this.all.has(slot)) throw new Error('stage child could not start');
      return await this.run(slot, stage, args);
    } finally {
      if (this.all.has(slot)) this.release(slot);
    }
  }

  private run(slot: Slot, stage: StageName, args: unknown[]): Promise<unknown> {
    const id = this.nextId++;
    slot.child.channel?.ref();
    const watch = setInterval(() => void this.watch(slot), WATCH_MS);
    return new Promise<unknown>((resolve, reject) => {
      slot.pending = { id, resolve, reject };
      slot.child.send({ id, stage, args }, (err) => err && reject(err));
    }).finally(() => {
      clearInterval(watch);
      slot.pending = undefined;
      slot.child.channel?.unref();
    });
  }

  private async watch(slot: Slot): Promise<void> {
    const pid = slot.child.pid;
    const rss = pid === undefined ? undefined : await residentMb(pid);
    if (rss === undefined || rss <= this.memoryMb || slot.overMemory) return;
    slot.overMemory = true;
    slot.child.kill('SIGKILL');
  }

  private acquire(): Promise<Slot> {
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    if (this.all.size < this.options.size) return Promise.resolve(this.spawn());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  /** A fresh child for a waiting call, when one died while calls were queued. */
  private replace(): void {
    const next = this.waiting.shift();
    if (next) next(this.spawn());
  }

  private spawn(): Slot {
    const heapMb = Math.max(256, Math.floor(this.memoryMb * 0.75));
    const child = fork(CHILD, [], {
      execArgv: ['--import', TSX, `--max-old-space-size=${heapMb}`],
      serialization: 'advanced',
      // the cores are shared out between the children: each reads a long document's pages on its share
      env: { PAGE_THREADS: String(Math.max(1, Math.floor(availableParallelism() / this.options.size))), ...(this.options.env ?? process.env) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.unref();
    let started: () => void = () => undefined;
    const slot: Slot = { child, ready: new Promise((resolve) => (started = resolve)), overMemory: false };
    this.all.add(slot);
    child.on('message', (reply: Reply) => {
      if ('ready' in reply) return started();
      if (slot.pending?.id !== reply.id) return;
      if ('error' in reply) slot.pending.reject(revive(reply.error));
      else slot.pending.resolve(reply.result);
    });
    child.on('exit', (code, signal) => {
      this.all.delete(slot);
      const at = this.idle.indexOf(slot);
      if (at >= 0) this.idle.splice(at, 1);
      started();
      // V8 aborts (SIGABRT) when the heap limit is reached
      const memory = slot.overMemory || signal === 'SIGABRT' || code === 134;
      slot.pending?.reject(memory ? outOfMemory(this.memoryMb) : new Error(`stage child exited (code ${code}, signal ${signal})`));
      if (!this.closed) this.replace();
    });
    return slot;
  }
}
