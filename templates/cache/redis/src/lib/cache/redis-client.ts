import { Redis, type RedisOptions } from 'ioredis';

/**
 * Connection settings for a cache the app must never wait on. Redis is an optimisation here: when it is
 * unreachable, a command has to fail at once so the request goes on to the database, instead of queueing
 * until Redis comes back (ioredis' defaults: offline queue, 20 retries, no command timeout).
 */
export const REDIS_CLIENT_OPTIONS = {
  // Commands sent while disconnected fail immediately instead of waiting in a queue for the reconnection.
  enableOfflineQueue: false,
  // A Redis that accepts connections but hangs costs a request at most this long per command.
  commandTimeout: 500,
  // Also bounds how long start-up waits for the first connection (see createCache).
  connectTimeout: 2000,
  // A command caught by a dropped connection fails at once rather than waiting to be resent after the
  // reconnection: by then its request has long been answered from the database.
  maxRetriesPerRequest: 0,
  // Reconnect forever in the background, backing off to one attempt every 2 s.
  retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  // RESP2: every Redis-compatible server speaks it (RESP3 needs HELLO, which Redis < 6 and some proxies
  // lack), and GET/SET/DEL and the rate limiter's script need nothing more.
  protocol: 2,
} satisfies RedisOptions;

export type RedisClient = Redis;

/** Opens (in the background) a client for a redis:// or rediss:// (TLS) URL. */
export function createRedisClient(url: string): RedisClient {
  return new Redis(url, REDIS_CLIENT_OPTIONS);
}
