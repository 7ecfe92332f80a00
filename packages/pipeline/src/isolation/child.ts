import { DocumentError } from '@woo/core';
import { childStages, type StageName } from './tasks.js';

/* The child process of a StagePool (pool.ts): runs one heavy stage at a time for its parent and
 * answers with the result or the error. It dies with its parent (the IPC channel closes). */

interface Request {
  id: number;
  stage: StageName;
  args: unknown[];
}

const { stages, close } = childStages();

function describe(err: unknown): { name: string; message: string; code?: string; stack?: string } {
  if (err instanceof DocumentError) return { name: err.name, message: err.message, code: err.code };
  if (err instanceof Error) return { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  return { name: 'Error', message: String(err) };
}

process.on('message', (request: Request) => {
  const run = stages[request.stage] as (...args: unknown[]) => Promise<unknown>;
  run(...request.args).then(
    (result) => process.send?.({ id: request.id, result }),
    (err: unknown) => process.send?.({ id: request.id, error: describe(err) }),
  );
});
process.on('disconnect', () => void close().finally(() => process.exit(0)));
process.send?.({ ready: true });
