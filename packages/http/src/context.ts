import { localBlobStore, type BlobStore } from '@woo/blobs';
import { openMigratedDatabase, type Database } from '@woo/db';
import { JobQueues, type JobSink } from '@woo/jobs';
import type { ServiceConfig } from './config.js';

/** The outside systems a service talks to, opened once per process and shared by the intake and
 * review apps (and, under `npm run serve`, by the workers). */
export interface ServiceContext<J extends JobSink = JobSink> {
  db: Database;
  blobs: BlobStore;
  jobs: J;
  /** Where the state lives, for the start-up log. */
  databaseLocation: string;
  close(): Promise<void>;
}

/** The context with BullMQ on Redis as its job sink (production, tests). */
export function openServiceContext(config: ServiceConfig, env?: NodeJS.ProcessEnv): Promise<ServiceContext<JobQueues>>;
/** The context with the job sink `jobs` makes once the database and blobs are open. */
export function openServiceContext<J extends JobSink>(config: ServiceConfig, env: NodeJS.ProcessEnv, jobs: (db: Database, blobs: BlobStore) => J): Promise<ServiceContext<J>>;
export async function openServiceContext(
  config: ServiceConfig,
  env: NodeJS.ProcessEnv = process.env,
  jobs: (db: Database, blobs: BlobStore) => JobSink = () => new JobQueues({ redisUrl: config.redisUrl, prefix: config.queuePrefix, attempts: config.attempts }),
): Promise<ServiceContext> {
  const { db, location } = await openMigratedDatabase(env);
  const blobs = localBlobStore(config.blobDir);
  const sink = jobs(db, blobs);
  return {
    db,
    blobs,
    jobs: sink,
    databaseLocation: location,
    async close() {
      await sink.close();
      await db.close();
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    config: ServiceConfig;
    db: Database;
    blobs: BlobStore;
    jobs: JobSink;
  }
}
