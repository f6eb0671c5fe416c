import { CronExpressionParser } from 'cron-parser';

/**
 * Cron schedules of repeatable jobs, always in UTC (a server's local time zone would move every run
 * twice a year, and differ between machines). Five fields (minute hour day-of-month month day-of-week)
 * or six with a leading seconds field; BullMQ and pg-boss read the same syntax (cron-parser), but
 * pg-boss starts a schedule at most once a minute.
 */

export const SCHEDULE_TIME_ZONE = 'UTC';

export class InvalidScheduleError extends Error {
  constructor(schedule: string, reason: string) {
    super(`invalid cron schedule "${schedule}": ${reason}`);
    this.name = 'InvalidScheduleError';
  }
}

/** Throws InvalidScheduleError unless `schedule` is a 5- or 6-field cron expression with at least one run. */
export function assertValidSchedule(schedule: string): void {
  const fields = schedule.trim().split(/\s+/);
  // cron-parser fills missing fields with defaults ("* * *" would mean every minute): demand them all.
  if (fields.length !== 5 && fields.length !== 6) {
    throw new InvalidScheduleError(schedule, `expected 5 fields (or 6 with seconds), got ${fields.length}`);
  }
  try {
    CronExpressionParser.parse(schedule, { tz: SCHEDULE_TIME_ZONE }).next();
  } catch (error) {
    throw new InvalidScheduleError(schedule, error instanceof Error ? error.message : String(error));
  }
}

/** The first run strictly after `after`. */
export function nextRun(schedule: string, after: Date): Date {
  return CronExpressionParser.parse(schedule, { tz: SCHEDULE_TIME_ZONE, currentDate: after }).next().toDate();
}

/** The next `count` runs after `after`, for logs and tests. */
export function nextRuns(schedule: string, after: Date, count: number): Date[] {
  const expression = CronExpressionParser.parse(schedule, { tz: SCHEDULE_TIME_ZONE, currentDate: after });
  return Array.from({ length: count }, () => expression.next().toDate());
}
