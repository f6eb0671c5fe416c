import type { Redis } from 'ioredis';

/**
 * Resolves once a client's first connection attempt has settled either way (ready, refused, timed out,
 * ended), so the app starts with a warm connection when Redis is up and without delay when it is down.
 * Shared by everything that keeps a connection to REDIS_URL (the cache, the BullMQ producer).
 */
export function firstConnection(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const settle = () => {
      clearTimeout(timer);
      client.off('ready', settle);
      client.off('error', settle);
      client.off('end', settle);
      resolve();
    };
    const timer = setTimeout(settle, timeoutMs);
    client.once('ready', settle);
    client.once('error', settle);
    client.once('end', settle);
  });
}
