import type { Env } from '../../config/env.js';
import type { AppLogger } from '../logger.js';
import type { Cache } from './cache.js';
import { MemoryCache } from './memory.js';

export type { Cache, CacheStats } from './cache.js';

/**
 * The in-process LRU adapter (`--cache memory`); each cache option ships its own version of this file.
 * `logger` is for adapters that have something to report (redis); this one has not.
 */
export function createCache(env: Pick<Env, 'CACHE_MAX_ENTRIES' | 'CACHE_TTL_SECONDS'>, _logger?: AppLogger): Cache {
  return new MemoryCache({ maxEntries: env.CACHE_MAX_ENTRIES, defaultTtlSeconds: env.CACHE_TTL_SECONDS });
}
