import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.js';
import { createJobQueue } from '../../src/lib/jobs/index.js';
import { PgBossJobQueue, scheduleQueueName } from '../../src/lib/jobs/pg-boss.js';
import { createLogger } from '../../src/lib/logger.js';
import { testEnv } from '../helpers/env.js';
import { removeTestQueue } from '../helpers/jobs-env.js';
import { expectStandInRunsEachTickOnce, tickSpec, waitFor } from '../helpers/schedule-once.js';

/**
 * A scheduled job with two workers runs each tick once: against pg-boss's schedules in the real
 * PostgreSQL when DATABASE_URL is set (CI), otherwise against the stand-in the app then uses (the
 * suite's title says which). pg-boss sends a schedule at most once a minute, so the test schedules
 * every minute and has both workers check the schedules every second.
 */
const databaseUrl = process.env.DATABASE_URL || undefined;
const logger = createLogger({ LOG_LEVEL: 'silent' });

// eslint-disable-next-line no-console -- say which backend this run exercised
console.info(databaseUrl ? 'jobs-pg-boss-schedule: pg-boss on DATABASE_URL' : 'jobs-pg-boss-schedule: DATABASE_URL unset, the in-process stand-in');

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase(testEnv());
});
afterAll(async () => {
  await testDb.dispose();
});

if (databaseUrl) {
  describe('scheduled jobs on pg-boss (DATABASE_URL)', () => {
    const url = databaseUrl;

    it('two workers keep one schedule, and its tick is processed exactly once', { timeout: 60_000 }, async () => {
      const queueName = `test-${randomUUID()}`;
      const runs: { worker: number; jobId: string }[] = [];
      const workers = [0, 1].map(() => new PgBossJobQueue({ url, queueName, logger, concurrency: 1, pollIntervalMs: 500, scheduleCheckSeconds: 1 }));
      // One minute holds one tick: start early enough in a minute that the whole test stays inside it.
      const second = new Date().getUTCSeconds();
      if (second >= 45) await sleep((60 - second) * 1000 + 500);
      const minute = new Date().getUTCMinutes();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const [worker, queue] of workers.entries()) {
          await queue.started();
          await queue.work([{ spec: tickSpec, schedule: '* * * * *', handle: async (_data, { jobId }) => void runs.push({ worker, jobId }) }]);
        }
        expect(await waitFor(() => runs.length >= 1, 12_000)).toBe(true);
        // Both workers go on checking the schedule every second; the tick is not sent again.
        await sleep(4000);
        expect(new Date().getUTCMinutes()).toBe(minute);
        const schedule = scheduleQueueName(queueName, tickSpec.name);
        const { rows: schedules } = await client.query('SELECT cron, timezone FROM pgboss.schedule WHERE name = $1', [schedule]);
        expect(schedules).toEqual([{ cron: '* * * * *', timezone: 'UTC' }]);
        const { rows: jobs } = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM pgboss.job WHERE name = $1', [schedule]);
        expect(jobs[0]?.count).toBe(1);
      } finally {
        await Promise.all(workers.map((queue) => queue.close(1000)));
        await client.end();
      }
      expect(runs).toHaveLength(1);
      await removeTestQueue(queueName);
    });
  });
} else {
  describe('scheduled jobs on the in-process stand-in (DATABASE_URL unset)', () => {
    it('two API instances on one database run each tick once', { timeout: 30_000 }, async () => {
      await expectStandInRunsEachTickOnce(testDb, () => createJobQueue(testEnv({ DATABASE_URL: '' }), logger, testDb.database));
    });
  });
}
