import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { Dependencies } from '../../app/dependencies.js';
import { RedisCache } from './redis.js';

/** The options of @fastify/rate-limit that choose where its counters live. */
export type SharedRateLimitStore = Pick<RateLimitPluginOptions, 'redis' | 'nameSpace' | 'skipOnError'>;

/**
 * Seam between the cache option and src/plugins/rate-limit.ts, which stays the same for every option;
 * each cache option ships its own version of this file. This one (`--cache redis`) lends the limiter the
 * cache's Redis connection, so every instance counts against the same numbers. If Redis fails, the limiter
 * lets requests through (fails open) rather than refusing all traffic over a cache outage; the database-
 * backed login lockout still guards passwords meanwhile. With the in-process fallback (no REDIS_URL) or a
 * test double, it returns nothing: the limiter's own in-memory store.
 */
export function sharedRateLimitStore({ cache }: Pick<Dependencies, 'cache'>): SharedRateLimitStore {
  if (!(cache instanceof RedisCache)) return {};
  return { redis: cache.client, nameSpace: `${cache.prefix}:rate-limit:`, skipOnError: true };
}
