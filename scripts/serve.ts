import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { supervise } from './supervise.js';

/* `npm run serve`: the API (intake, and review with the review app at /) and the workers as
 * separate child processes under one supervisor that restarts a crashed child, so a worker crash
 * never stalls /healthz. The state is in PostgreSQL at DATABASE_URL; without it, in PGlite under
 * ./data, which one process at a time can open: API and workers then share one (still supervised)
 * child. Ctrl-C stops it all cleanly.
 *
 * With `-- --demo`: also a batch of the bundled samples and two tokens, made by the API child once
 * it listens (not again when the supervisor restarts it). On a machine without a reachable Redis
 * there is no supervisor: one process serves the API and runs the jobs itself, without BullMQ
 * (serve-in-process.ts). */

const demo = process.argv.includes('--demo');
if (demo) {
  const { SAMPLES } = await import('./serve-demo.js');
  process.env.WOO_OFFICIALS_FILE ??= path.join(SAMPLES, 'officials.txt');
  const { loadServiceConfig } = await import('@woo/http');
  const { redisAnswers } = await import('@woo/jobs');
  if (!(await redisAnswers(loadServiceConfig().redisUrl))) {
    const { serveInProcess } = await import('./serve-in-process.js');
    await serveInProcess();
  } else {
    // read by the first API child only: a restarted one must not make another demo batch
    process.env.WOO_SERVE_DEMO = '1';
    superviseAll();
    delete process.env.WOO_SERVE_DEMO;
  }
} else {
  superviseAll();
}

function superviseAll(): void {
  const file = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
  const separate = Boolean(process.env.DATABASE_URL);
  if (!separate) process.env.WOO_SERVE_WORKERS = '1';
  supervise(
    separate
      ? [
          { name: 'api', file: file('./serve-api.ts') },
          { name: 'workers', file: file('../workers/src/main.ts') },
        ]
      : [{ name: 'api+workers', file: file('./serve-api.ts') }],
    (message) => process.stderr.write(`[serve] ${message}\n`),
  );
}
