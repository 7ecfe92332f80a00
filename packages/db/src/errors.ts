/** A request that does not fit the current state of a document (deciding while it is still being
 * processed, exporting with open suggestions). The message is Dutch: it goes to the API client. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The database could not be reached, or the connection broke during the work: nothing was
 * committed by the failed statement or transaction, and trying again later is the remedy. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** SQLSTATE class 08 (connection exception) and 57P01-57P03 (server shut down or terminated the
 * backend), network errors, and node-postgres's own messages for a broken or timed-out connection. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const PG_MESSAGES = /Connection terminated|Client has encountered a connection error|not queryable|timeout exceeded when trying to connect/i;

export function isConnectionError(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code) || NETWORK_CODES.has(code))) return true;
  return PG_MESSAGES.test(err.message);
}
