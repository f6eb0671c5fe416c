import { readAppInfo } from '../../config/app-info.js';
import type { Env } from '../../config/env.js';
import type { AppLogger } from '../logger.js';
import type { Cache } from './cache.js';
import { MemoryCache } from './memory.js';
import { firstConnection } from '../redis/first-connection.js';
import { createRedisClient, REDIS_CLIENT_OPTIONS } from './redis-client.js';
import { RedisCache } from './redis.js';

export type { Cache, CacheStats } from './cache.js';

export type CacheEnv = Pick<Env, 'REDIS_URL' | 'CACHE_KEY_PREFIX' | 'CACHE_TTL_SECONDS' | 'CACHE_MAX_ENTRIES'>;

/**
 * The Redis adapter (`--cache redis`); each cache option ships its own version of this file.
 * Without REDIS_URL (allowed outside production only, see PRODUCTION_REQUIRED) it falls back to the
 * in-process LRU, so `npm run dev` and `npm test` need no Redis server.
 */
export async function createCache(env: CacheEnv, logger: AppLogger): Promise<Cache> {
  if (env.REDIS_URL === undefined) {
    logger.info(
      { cache: 'memory' },
      'REDIS_URL is not set: the cache and the rate-limit counters live in this process only; set REDIS_URL to share them between instances',
    );
    return new MemoryCache({ maxEntries: env.CACHE_MAX_ENTRIES, defaultTtlSeconds: env.CACHE_TTL_SECONDS });
  }
  const cache = new RedisCache({
    client: createRedisClient(env.REDIS_URL),
    prefix: cacheKeyPrefix(env),
    defaultTtlSeconds: env.CACHE_TTL_SECONDS,
    logger,
  });
  // Start warm when Redis is up; when it is not, start anyway (requests go to the database) and let the
  // client keep reconnecting in the background.
  await firstConnection(cache.client, REDIS_CLIENT_OPTIONS.connectTimeout);
  return cache;
}

/** CACHE_KEY_PREFIX, or the package name, so that apps sharing one Redis keep out of each other's keys. */
export function cacheKeyPrefix(env: Pick<Env, 'CACHE_KEY_PREFIX'>): string {
  return env.CACHE_KEY_PREFIX ?? readAppInfo().name;
}
