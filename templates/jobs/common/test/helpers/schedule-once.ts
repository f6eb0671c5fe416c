import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { z } from 'zod';
import { jobScheduleRuns } from '../../src/db/job-schedule-schema.js';
import type { TestDatabase } from '../../src/db/testing.js';
import type { JobQueue, JobSpec } from '../../src/lib/jobs/jobs.js';

/** A job scheduled every second, for tests of schedules across several workers. */
export const tickSpec: JobSpec<Record<string, never>> = { name: 'test.tick', schema: z.object({}).strict(), attempts: 1, backoffMs: 0, timeoutMs: 5000 };

/** Polls until `done` holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!done() && Date.now() < until) await sleep(50);
  return done();
}

/**
 * The stand-in the app uses without a queue server: two in-process queues (two API instances) on one
 * database, each with the every-second schedule. Each tick is claimed once in job_schedule_runs, and
 * runs once: with both instances running it, there would be twice as many runs as claimed ticks.
 */
export async function expectStandInRunsEachTickOnce(testDb: TestDatabase, create: () => Promise<JobQueue>): Promise<void> {
  const runs: string[] = [];
  const queues = [await create(), await create()];
  expect(queues.every((queue) => queue.runsInProcess)).toBe(true);
  for (const queue of queues) {
    await queue.work([{ spec: tickSpec, schedule: '* * * * * *', handle: async (_data, { jobId }) => void runs.push(jobId) }]);
  }
  await sleep(3300);
  await Promise.all(queues.map((queue) => queue.close(1000)));
  const claimed = await testDb.database.db.select({ runAt: jobScheduleRuns.runAt }).from(jobScheduleRuns).where(eq(jobScheduleRuns.name, tickSpec.name));
  expect(claimed.length).toBeGreaterThanOrEqual(2);
  expect(new Set(runs).size).toBe(runs.length);
  // A tick claimed just before close may not have run.
  expect(runs.length).toBeGreaterThanOrEqual(claimed.length - 1);
  expect(runs.length).toBeLessThanOrEqual(claimed.length);
}
