import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BullmqJobQueue } from '../../src/lib/jobs/bullmq.js';
import { createJobQueue, jobsStandInReason } from '../../src/lib/jobs/index.js';
import { InProcessJobQueue } from '../../src/lib/jobs/in-process.js';
import { createLogger } from '../../src/lib/logger.js';
import { useTestApp } from '../helpers/app.js';
import { testEnv } from '../helpers/env.js';
import { describeJobQueueContract } from '../helpers/job-queue-contract.js';
import { removeTestQueue, UNREACHABLE_QUEUE_REDIS_URL } from '../helpers/jobs-env.js';

/**
 * BullMQ against the real Redis when REDIS_URL is set (CI, `REDIS_URL=… npm test`); otherwise the same
 * contract runs against what the app then uses instead, the in-process stand-in. The suite's title says which.
 */
const redisUrl = process.env.REDIS_URL || undefined;
const logger = createLogger({ LOG_LEVEL: 'silent' });

// eslint-disable-next-line no-console -- say which backend this run exercised
console.info(redisUrl ? 'jobs-bullmq: contract against BullMQ on REDIS_URL' : 'jobs-bullmq: REDIS_URL unset, contract against the in-process stand-in');

if (redisUrl) {
  describeJobQueueContract({
    label: 'BullMQ on REDIS_URL',
    create: async (name) => {
      const queue = new BullmqJobQueue({ url: redisUrl, queueName: name, logger, concurrency: 5 });
      await queue.connected(2000);
      return queue;
    },
    backoffUnitMs: 40,
    durable: true,
    destroy: (name) => removeTestQueue(name),
  });
} else {
  describeJobQueueContract({
    label: 'in-process stand-in (REDIS_URL unset)',
    create: () => createJobQueue(testEnv({ REDIS_URL: '', JOBS_BACKOFF_SCALE: '1' }), logger),
    backoffUnitMs: 40,
    durable: false,
  });
}

describe('BullMQ queue selection', () => {
  it('uses BullMQ with REDIS_URL and the in-process stand-in without it', async () => {
    const standIn = testEnv({ REDIS_URL: '' });
    expect(await createJobQueue(standIn, logger)).toBeInstanceOf(InProcessJobQueue);
    expect(jobsStandInReason(standIn)).toContain('REDIS_URL is not set');

    const withRedis = testEnv({ REDIS_URL: UNREACHABLE_QUEUE_REDIS_URL, JOBS_QUEUE_NAME: `test-${randomUUID()}` });
    const queue = await createJobQueue(withRedis, logger);
    expect(queue).toBeInstanceOf(BullmqJobQueue);
    expect(queue.runsInProcess).toBe(false);
    expect(jobsStandInReason(withRedis)).toBeUndefined();
    await queue.close();
  });
});

describe('BullMQ with Redis unreachable', () => {
  const t = useTestApp();

  it('fails readiness on the queue and refuses to enqueue at once, instead of hanging', async () => {
    const { app, deps } = await t.build({ env: { REDIS_URL: UNREACHABLE_QUEUE_REDIS_URL } });
    const response = await app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'not ready', checks: { queue: 'fail' } });

    const started = performance.now();
    const spec = { name: 'test.unreachable', schema: z.object({}), attempts: 1, backoffMs: 0, timeoutMs: 1000 };
    await expect(deps.jobs.enqueue(spec, {})).rejects.toThrow('Redis is not reachable');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
