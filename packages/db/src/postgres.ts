import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.js';
import { DatabaseUnavailableError, isConnectionError } from './errors.js';

/** Runs `fn`, turning a lost or refused connection into a DatabaseUnavailableError. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw isConnectionError(err) && !(err instanceof DatabaseUnavailableError) ? new DatabaseUnavailableError(err) : err;
  }
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const result = await guarded(() => client.query(sql, params as unknown[] | undefined));
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await guarded(() => client.query(sql));
    },
  };
}

/**
 * PostgreSQL through a pool. A lost server (terminated backend, restart, network) never crashes
 * the process: every connection has an error handler, a broken connection is discarded instead
 * of reused, and the failed call throws DatabaseUnavailableError, which the API
 * answers with 503 and the workers with a delayed retry. New connections are made on demand, so
 * everything recovers by itself once the server is back.
 */
export function openPostgres(url: string, schema: string): Database {
  // search_path as a connection option, so every pooled connection lands in the schema
  // (including connections opened later); the schema itself is created by `migrate`.
  const pool = new pg.Pool({
    connectionString: url,
    options: `-c search_path=${schema}`,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // without it, a request waits forever for a server that does not answer
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5000),
  });
  // An idle client losing its server: the pool discards it; the next query opens a new one.
  pool.on('error', () => {});
  // A checked-out client losing its server: its running query fails (and is reported through
  // that), but the 'error' event may also come while no query runs, even before the caller got
  // the client (terminated right after connecting), so every client gets a handler for good.
  // A broken client is never reused: the pool drops clients that are no longer queryable.
  pool.on('connect', (client) => client.on('error', () => {}));
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await guarded(() => pool.connect());
      let broken = false;
      try {
        await wrap(client).exec('BEGIN');
        const result = await fn(wrap(client));
        await wrap(client).exec('COMMIT');
        return result;
      } catch (err) {
        broken = isConnectionError(err);
        if (!broken) await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        // a broken connection is destroyed, not handed to the next caller
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
