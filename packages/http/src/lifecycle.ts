import type { FastifyInstance } from 'fastify';
import type { ServiceConfig } from './config.js';
import type { ServiceContext } from './context.js';

export interface Stoppable {
  close(): Promise<void>;
}

/** Listens on PORT and stops cleanly on Ctrl-C or SIGTERM: first the HTTP server (no new
 * requests, running ones finish), then `others` (workers finish their running jobs), then
 * Redis and the database. Gives up after SHUTDOWN_TIMEOUT_S (default 60) seconds. Repeated
 * signals are ignored: under `npm run serve` a Ctrl-C reaches the process twice (from the
 * terminal and relayed by tsx). */
export async function runUntilSignal(app: FastifyInstance, context: ServiceContext, config: ServiceConfig, others: Stoppable[] = []): Promise<void> {
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: context.databaseLocation, blobs: config.blobDir, queuePrefix: config.queuePrefix }, 'ready');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    const timeoutS = Number(process.env.SHUTDOWN_TIMEOUT_S ?? 60);
    setTimeout(() => {
      app.log.error({ timeoutS }, 'could not stop in time; exiting');
      process.exit(1);
    }, timeoutS * 1000).unref();
    try {
      await app.close();
      for (const other of others) await other.close();
      await context.close();
      app.log.info('stopped');
    } catch (err) {
      app.log.error({ err }, 'unclean stop');
      process.exitCode = 1;
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
