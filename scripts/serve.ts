import { fileURLToPath } from 'node:url';
import { supervise } from './supervise.js';

/* `npm run serve`: the API and the workers as separate child processes under one supervisor that
 * restarts a crashed child, so a worker crash never stalls /healthz. The state is in PostgreSQL at
 * DATABASE_URL; without it, in PGlite under ./data, which one process at a time can open: API and
 * workers then share one (still supervised) child. Ctrl-C stops it all cleanly. */

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
