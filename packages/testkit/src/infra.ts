import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisAnswers } from '@woo/jobs';
import pg from 'pg';

/** The services the integration tests run against: the PostgreSQL and Redis of this machine
 * (CI starts both on 127.0.0.1). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Infra {
  postgres: boolean;
  redis: boolean;
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}


/**
 * Which of PostgreSQL and Redis are reachable. Tests that need them skip with a loud warning when
 * they are not, except on CI (CI=true), where a missing service must fail the run instead of
 * silently skipping the tests that matter most.
 */
export async function probeInfra(needs: { postgres?: boolean; redis?: boolean } = { postgres: true, redis: true }): Promise<{ ok: boolean } & Infra> {
  const [postgres, redis] = await Promise.all([needs.postgres ? postgresReachable() : true, needs.redis ? redisAnswers(TEST_REDIS_URL, 2000) : true]);
  const missing = [!postgres && `PostgreSQL (${TEST_DATABASE_URL})`, !redis && `Redis (${TEST_REDIS_URL})`].filter(Boolean);
  if (missing.length) {
    const message = `${missing.join(' and ')} not reachable`;
    if (process.env.CI === 'true') throw new Error(`${message}: CI must run the integration tests`);
    const bar = '!'.repeat(78);
    console.warn(`\n${bar}\n!!! SKIPPING INTEGRATION TESTS: ${message}\n${bar}\n`);
  }
  return { ok: missing.length === 0, postgres, redis };
}

/** A schema name no other test run uses; drop it with `dropSchema` when the test file is done. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Drops a schema this test run created (never anything else: the name must carry our prefix). */
export async function dropSchema(schema: string): Promise<void> {
  if (!/^t_[a-z0-9_]+$/.test(schema)) throw new Error(`refusing to drop schema ${schema}`);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Removes the Redis keys of a BullMQ prefix this test run used. */
export async function dropQueuePrefix(prefix: string): Promise<void> {
  if (!prefix.startsWith('t_')) throw new Error(`refusing to delete Redis keys under ${prefix}`);
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
