import { pgTable, primaryKey, timestamp, varchar } from 'drizzle-orm/pg-core';

/** Typed mirror of migrations/0007_job_schedule_runs (the SQL is the source of truth). */

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export const jobScheduleRuns = pgTable(
  'job_schedule_runs',
  {
    name: varchar('name', { length: 200 }).notNull(),
    runAt: at('run_at').notNull(),
    claimedAt: at('claimed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.name, t.runAt] })],
);
