import type { HealthCheck, ShutdownHook } from '../../types/app.js';
import { RedisCache } from './redis.js';

/**
 * Pings Redis; GET /health/ready reports it as "cache". Optional: the app serves every request without
 * Redis (from the database), so an outage is reported but does not take the instance out of rotation,
 * which would turn a cache outage into a full one. The in-process fallback is always "ok".
 */
export const cacheHealthCheck: HealthCheck = {
  name: 'cache',
  optional: true,
  check: async ({ cache }) => {
    if (cache instanceof RedisCache) await cache.ping();
  },
};

/** Closes the Redis connection (QUIT, so a write already sent completes) once no request can use it. */
export const closeCache: ShutdownHook = {
  name: 'cache',
  run: ({ cache }) => cache.close(),
};
