import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

/** A process the supervisor keeps running: a TypeScript entry file, run through tsx. */
export interface Part {
  name: string;
  file: string;
}

const TSX = createRequire(import.meta.url).resolve('tsx');
const MAX_BACKOFF_MS = 30_000;
/** A child that ran this long without crashing gets its restart delay reset. */
const STABLE_MS = 60_000;

/**
 * Runs every part as a child process and restarts one that exits without being asked to (a
 * crash, a kill by the kernel's OOM killer), after 1 s, doubling up to 30 s while it keeps
 * crashing. SIGINT/SIGTERM are passed on to the children; the supervisor exits once all are gone.
 */
export function supervise(parts: readonly Part[], log: (message: string) => void): void {
  const running = new Map<string, ChildProcess>();
  let stopping = false;

  const start = (part: Part, backoffMs: number) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', TSX, part.file], { stdio: 'inherit', env: process.env });
    running.set(part.name, child);
    log(`${part.name} started (pid ${child.pid})`);
    child.on('exit', (code, signal) => {
      running.delete(part.name);
      if (stopping) {
        if (!running.size) process.exit(0);
        return;
      }
      const delay = Date.now() - started > STABLE_MS ? 1000 : backoffMs;
      log(`${part.name} exited (code ${code}, signal ${signal}); restarting in ${delay / 1000} s`);
      setTimeout(() => !stopping && start(part, Math.min(delay * 2, MAX_BACKOFF_MS)), delay);
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${[...running.keys()].join(', ')}`);
    if (!running.size) process.exit(0);
    for (const child of running.values()) child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const part of parts) start(part, 1000);
}
