import { randomUUID } from 'node:crypto';

/**
 * What the cache option adds to test environments; each cache option ships its own version of this file.
 * This one (`--cache redis`): the real Redis when REDIS_URL is set (CI, `REDIS_URL=… npm test`), the
 * in-process fallback otherwise. Every test file gets a key prefix of its own, new on every run, so files
 * running in parallel, and earlier runs, never see each other's cache entries or rate-limit counters.
 */
const FILE_PREFIX = `test-${randomUUID()}`;

// Port 1 on loopback: nothing listens there, so every connection attempt is refused at once.
export const UNREACHABLE_REDIS_URL = 'redis://127.0.0.1:1';

export function cacheTestEnv(): Record<string, string | undefined> {
  return { REDIS_URL: process.env.REDIS_URL, CACHE_KEY_PREFIX: FILE_PREFIX };
}

/** Production requires REDIS_URL: the real one when there is one, else an unreachable one (the app copes). */
export function cacheProductionEnv(): Record<string, string> {
  return { REDIS_URL: process.env.REDIS_URL ?? UNREACHABLE_REDIS_URL, CACHE_KEY_PREFIX: FILE_PREFIX };
}
