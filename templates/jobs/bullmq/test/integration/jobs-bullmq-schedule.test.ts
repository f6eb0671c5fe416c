import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.js';
import { BullmqJobQueue } from '../../src/lib/jobs/bullmq.js';
import { createJobQueue } from '../../src/lib/jobs/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { testEnv } from '../helpers/env.js';
import { removeTestQueue } from '../helpers/jobs-env.js';
import { expectStandInRunsEachTickOnce, tickSpec, waitFor } from '../helpers/schedule-once.js';

/**
 * A scheduled job with two workers runs each tick once: against BullMQ's job schedulers on the real
 * Redis when REDIS_URL is set (CI), otherwise against the stand-in the app then uses (the suite's title
 * says which).
 */
const redisUrl = process.env.REDIS_URL || undefined;
const logger = createLogger({ LOG_LEVEL: 'silent' });

// eslint-disable-next-line no-console -- say which backend this run exercised
console.info(redisUrl ? 'jobs-bullmq-schedule: BullMQ on REDIS_URL' : 'jobs-bullmq-schedule: REDIS_URL unset, the in-process stand-in');

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase(testEnv());
});
afterAll(async () => {
  await testDb.dispose();
});

if (redisUrl) {
  describe('scheduled jobs on BullMQ (REDIS_URL)', () => {
    const url = redisUrl;

    it('two workers upsert one job scheduler, and each tick is processed exactly once', { timeout: 30_000 }, async () => {
      const queueName = `test-${randomUUID()}`;
      const runs: { worker: number; jobId: string }[] = [];
      const workers = [0, 1].map(() => new BullmqJobQueue({ url, queueName, logger, concurrency: 2 }));
      const inspector = new Queue(queueName, { connection: { url, maxRetriesPerRequest: 1 } });
      try {
        for (const [worker, queue] of workers.entries()) {
          await queue.connected(2000);
          await queue.work([{ spec: tickSpec, schedule: '* * * * * *', handle: async (_data, { jobId }) => void runs.push({ worker, jobId }) }]);
        }
        expect(await inspector.getJobSchedulersCount()).toBe(1);
        expect(await waitFor(() => runs.length >= 4, 15_000)).toBe(true);
      } finally {
        await Promise.all(workers.map((queue) => queue.close(1000)));
      }
      // A tick is a job whose id holds the scheduler and the run's time: no id twice, no time twice.
      const ids = runs.map((run) => run.jobId);
      expect(new Set(ids).size).toBe(ids.length);
      const times = ids.map((id) => /^repeat:cron\/test\.tick:(\d+)$/.exec(id)?.[1]);
      expect(times.every((time) => time !== undefined)).toBe(true);
      expect(new Set(times).size).toBe(times.length);
      await inspector.close();
      await removeTestQueue(queueName);
    });

    it('removes the scheduler of a job that no longer has a schedule', async () => {
      const queueName = `test-${randomUUID()}`;
      const first = new BullmqJobQueue({ url, queueName, logger, concurrency: 1 });
      await first.connected(2000);
      await first.work([{ spec: tickSpec, schedule: '0 3 * * *', handle: async () => {} }]);
      await first.close();
      const next = new BullmqJobQueue({ url, queueName, logger, concurrency: 1 });
      await next.connected(2000);
      await next.work([{ spec: { ...tickSpec, name: 'test.other' }, schedule: '0 4 * * *', handle: async () => {} }]);
      // The scheduler's next tick waits as a delayed job; depth() (readiness, metrics) does not call it a backlog.
      const inspector = new Queue(queueName, { connection: { url, maxRetriesPerRequest: 1 } });
      expect(await inspector.getDelayedCount()).toBe(1);
      expect(await next.depth()).toMatchObject({ waiting: 0, active: 0, delayed: 0 });
      await next.close();
      expect((await inspector.getJobSchedulers()).map((scheduler) => [scheduler.key, scheduler.pattern, scheduler.tz])).toEqual([['cron/test.other', '0 4 * * *', 'UTC']]);
      await inspector.close();
      await removeTestQueue(queueName);
    });
  });
} else {
  describe('scheduled jobs on the in-process stand-in (REDIS_URL unset)', () => {
    it('two API instances on one database run each tick once', { timeout: 30_000 }, async () => {
      await expectStandInRunsEachTickOnce(testDb, () => createJobQueue(testEnv({ REDIS_URL: '' }), logger, testDb.database));
    });
  });
}
