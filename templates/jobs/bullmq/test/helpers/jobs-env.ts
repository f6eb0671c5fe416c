import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';

/**
 * What the queue option adds to test environments; each queue option ships its own version of this file.
 * This one (`--queue bullmq`): the real Redis when REDIS_URL is set (CI, `REDIS_URL=… npm test`), the
 * in-process stand-in otherwise. Every test file gets a queue of its own, new on every run, so files
 * running in parallel never take each other's jobs; retry delays shrink to 1/1000.
 */
const FILE_QUEUE = `test-${randomUUID()}`;

// Port 1 on loopback: nothing listens there, so every connection attempt is refused at once.
export const UNREACHABLE_QUEUE_REDIS_URL = 'redis://127.0.0.1:1';

/** Variables that take the queue server away, so jobs run on the in-process stand-in. */
export const NO_QUEUE_SERVER: Record<string, string> = { REDIS_URL: '' };

export function jobsTestEnv(): Record<string, string | undefined> {
  return { REDIS_URL: process.env.REDIS_URL, JOBS_QUEUE_NAME: FILE_QUEUE, JOBS_BACKOFF_SCALE: '0.001' };
}

/** Production requires REDIS_URL: the real one when there is one, else an unreachable one. */
export function jobsProductionEnv(): Record<string, string> {
  return { REDIS_URL: process.env.REDIS_URL ?? UNREACHABLE_QUEUE_REDIS_URL, JOBS_QUEUE_NAME: FILE_QUEUE };
}

/** Deletes a test queue and its dead letters from Redis (nothing to do without REDIS_URL). */
export async function removeTestQueue(name = FILE_QUEUE): Promise<void> {
  const url = process.env.REDIS_URL;
  if (!url) return;
  for (const queueName of [name, `${name}-dead`]) {
    const queue = new Queue(queueName, { connection: { url, maxRetriesPerRequest: 1 } });
    try {
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
  }
}
