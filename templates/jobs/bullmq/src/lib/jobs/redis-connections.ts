import { Redis, type RedisOptions } from 'ioredis';
import type { AppLogger } from '../logger.js';

/**
 * The queue's Redis connections. Enqueueing and readiness must fail at once while Redis is down (a
 * request should not hang on a job), so the producer keeps no offline queue; the worker's connection
 * waits instead (BullMQ requires `maxRetriesPerRequest: null` there), since it has nothing else to do.
 */

const COMMON = {
  connectTimeout: 2000,
  // Reconnect forever in the background, backing off to one attempt every 2 s.
  retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
} satisfies RedisOptions;

export function createProducerConnection(url: string, logger: AppLogger): Redis {
  return watched(new Redis(url, { ...COMMON, enableOfflineQueue: false, maxRetriesPerRequest: 1 }), logger, 'producer');
}

export function createWorkerConnection(url: string, logger: AppLogger): Redis {
  return watched(new Redis(url, { ...COMMON, maxRetriesPerRequest: null }), logger, 'worker');
}

/** Fails fast with a clear message instead of letting BullMQ wait for a connection that is not there. */
export function requireReady(client: Redis): void {
  if (client.status !== 'ready') throw new Error(`Redis is not reachable (connection ${client.status})`);
}

/** One warning per outage (not one per reconnection attempt), and one line when it is over. */
function watched(client: Redis, logger: AppLogger, role: string): Redis {
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err, role }, 'job queue lost its Redis connection; retrying in the background');
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ role }, 'job queue reconnected to Redis');
  });
  return client;
}
