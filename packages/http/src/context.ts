import { localBlobStore, type BlobStore } from '@woo/blobs';
import { openMigratedDatabase, type Database } from '@woo/db';
import { JobQueues } from '@woo/jobs';
import type { ServiceConfig } from './config.js';

/** The outside systems a service talks to, opened once per process and shared by the intake and
 * review apps (and, under `npm run serve`, by the workers). */
export interface ServiceContext {
  db: Database;
  blobs: BlobStore;
  jobs: JobQueues;
  /** Where the state lives, for the start-up log. */
  databaseLocation: string;
  close(): Promise<void>;
}

export async function openServiceContext(config: ServiceConfig, env: NodeJS.ProcessEnv = process.env): Promise<ServiceContext> {
  const { db, location } = await openMigratedDatabase(env);
  const jobs = new JobQueues({ redisUrl: config.redisUrl, prefix: config.queuePrefix, attempts: config.attempts });
  return {
    db,
    blobs: localBlobStore(config.blobDir),
    jobs,
    databaseLocation: location,
    async close() {
      await jobs.close();
      await db.close();
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    config: ServiceConfig;
    db: Database;
    blobs: BlobStore;
    jobs: JobQueues;
  }
}
