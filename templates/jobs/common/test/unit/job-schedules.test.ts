import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.js';
import { defineJob } from '../../src/jobs/define.js';
import { assertValidSchedule, InvalidScheduleError, nextRun, nextRuns } from '../../src/lib/jobs/cron.js';
import { InProcessJobQueue } from '../../src/lib/jobs/in-process.js';
import type { ScheduleLease } from '../../src/lib/jobs/in-process-scheduler.js';
import type { JobSpec } from '../../src/lib/jobs/jobs.js';
import { createScheduleLease } from '../../src/lib/jobs/schedule-lease.js';
import { createLogger } from '../../src/lib/logger.js';
import { testEnv } from '../helpers/env.js';

const logger = createLogger({ LOG_LEVEL: 'silent' });
const tickSpec: JobSpec<Record<string, never>> = { name: 'test.tick', schema: z.object({}).strict(), attempts: 1, backoffMs: 0, timeoutMs: 5000 };

describe('cron schedules', () => {
  it('computes the next runs in UTC, with or without a seconds field', () => {
    const from = new Date('2026-03-29T00:59:30Z'); // the night Europe moves its clocks: UTC does not care
    expect(nextRuns('17 * * * *', from, 3).map((d) => d.toISOString())).toEqual([
      '2026-03-29T01:17:00.000Z',
      '2026-03-29T02:17:00.000Z',
      '2026-03-29T03:17:00.000Z',
    ]);
    expect(nextRun('0 3 * * 1', from).toISOString()).toBe('2026-03-30T03:00:00.000Z');
    expect(nextRun('*/10 * * * * *', from).toISOString()).toBe('2026-03-29T00:59:40.000Z');
    // Strictly after: a run exactly at `after` is not the next one.
    expect(nextRun('0 * * * *', new Date('2026-01-01T05:00:00Z')).toISOString()).toBe('2026-01-01T06:00:00.000Z');
  });

  it.each(['* * *', '61 * * * *', '* * * * * * *', 'every hour', '0 0 30 2 *', ''])('refuses %j', (schedule) => {
    expect(() => assertValidSchedule(schedule)).toThrow(InvalidScheduleError);
  });

  it('defineJob refuses a bad schedule, or one whose data ({}) the schema would reject, when the module loads', () => {
    expect(() => defineJob(tickSpec, () => async () => {}, { schedule: '99 * * * *' })).toThrow(InvalidScheduleError);
    const needsData: JobSpec<{ id: string }> = { ...tickSpec, name: 'test.needs-data', schema: z.object({ id: z.string() }) };
    expect(() => defineJob(needsData, () => async () => {}, { schedule: '* * * * *' })).toThrow(/must accept \{\}/);
    expect(defineJob(tickSpec, () => async () => {}, { schedule: '*/5 * * * *' }).schedule).toBe('*/5 * * * *');
  });
});

describe('in-process schedules with two instances on one database', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(testEnv());
  });
  afterAll(async () => {
    await testDb.dispose();
  });

  it('runs each tick once: both instances try to claim it, the database lets one win', async () => {
    const lease = createScheduleLease(testDb.database);
    const claims = new Map<string, { tries: number; won: number }>();
    // The real lease, watched: which instance tried which run, and who won it.
    const watched: ScheduleLease = {
      async claim(name, runAt) {
        const won = await lease.claim(name, runAt);
        const entry = claims.get(runAt.toISOString()) ?? { tries: 0, won: 0 };
        claims.set(runAt.toISOString(), { tries: entry.tries + 1, won: entry.won + (won ? 1 : 0) });
        return won;
      },
    };
    const runs: string[] = [];
    const queues = ['a', 'b'].map(() => new InProcessJobQueue({ logger, concurrency: 2, scheduleLease: watched }));
    for (const [i, queue] of queues.entries()) {
      await queue.work([{ spec: tickSpec, schedule: '* * * * * *', handle: async (_data, { jobId }) => void runs.push(`${i}:${jobId}`) }]);
    }
    await sleep(3300);
    await Promise.all(queues.map((queue) => queue.close(1000)));

    const ticks = [...claims.values()];
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const tick of ticks) expect(tick).toEqual({ tries: 2, won: 1 });
    // Every won tick ran exactly once (a tick claimed just before close may not have started: at most one).
    expect(runs.length).toBeGreaterThanOrEqual(ticks.length - 1);
    expect(runs.length).toBeLessThanOrEqual(ticks.length);

    // Closing stopped the timers: nothing is claimed any more.
    const claimed = claims.size;
    await sleep(1200);
    expect(claims.size).toBe(claimed);
  });

  it('a claimed run is not claimed again, and other runs of the job still are', async () => {
    const lease = createScheduleLease(testDb.database);
    const runAt = new Date('2026-01-01T00:00:00Z');
    expect(await lease.claim('test.once', runAt)).toBe(true);
    expect(await lease.claim('test.once', runAt)).toBe(false);
    expect(await lease.claim('test.other', runAt)).toBe(true);
    expect(await lease.claim('test.once', new Date(runAt.getTime() + 60_000))).toBe(true);
  });
});
