import { readFile } from 'node:fs/promises';
import { positiveIntFromEnv } from '@woo/core';

/** Memory one stage child may use (STAGE_MEMORY_MB, resident set). Its JavaScript heap is capped
 * at three quarters of that (--max-old-space-size); the rest is for decoded images, canvases and
 * tesseract, which live outside the heap and are watched from the parent. */
export function stageMemoryMb(env: NodeJS.ProcessEnv = process.env): number {
  return positiveIntFromEnv(env, 'STAGE_MEMORY_MB', 1536);
}

/** Resident memory of a process in MB, from /proc (Linux); undefined elsewhere or once it is gone. */
export async function residentMb(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const kb = status && /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : undefined;
}
