/** What the repositories need from a connection: parameterised queries, and raw multi-statement
 * SQL for migrations. Implemented by node-postgres and by embedded PGlite alike. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  exec(sql: string): Promise<void>;
}

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; without one the embedded PGlite is used. */
  url?: string;
  /** Folder for PGlite's files (ignored with a URL); in memory when absent. */
  dataDir?: string;
  /** Schema for all tables (default `public`). Tests use a fresh schema each so they never
   * touch anyone's data. */
  schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
}

/** Opens PostgreSQL at `url`, or PGlite when there is none. Does not migrate: see `migrate`. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const schema = options.schema ?? 'public';
  assertSchemaName(schema);
  if (options.url) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(options.url, schema);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(options.dataDir, schema);
}
