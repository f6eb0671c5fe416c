import { and, eq, lt } from 'drizzle-orm';
import { jobScheduleRuns } from '../../db/job-schedule-schema.js';
import type { Database } from '../database.js';
import type { ScheduleLease } from './in-process-scheduler.js';

/** How long claimed runs are kept: long enough for any instance's late timer to find its run taken. */
const KEEP_MS = 24 * 3600_000;

/** Claims a scheduled run with an INSERT IGNORE that only one instance can win (primary key: name, run time). */
export function createScheduleLease(database: Database): ScheduleLease {
  const { db } = database;
  return {
    async claim(name, runAt) {
      const [won] = await db.insert(jobScheduleRuns).ignore().values({ name, runAt });
      if (won.affectedRows === 0) return false;
      await db.delete(jobScheduleRuns).where(and(eq(jobScheduleRuns.name, name), lt(jobScheduleRuns.runAt, new Date(runAt.getTime() - KEEP_MS))));
      return true;
    },
  };
}
