import { mysqlTable, primaryKey, varchar } from 'drizzle-orm/mysql-core';
import { at, NOW } from './schema.js';

/** Typed mirror of migrations/0007_job_schedule_runs (the SQL is the source of truth). */

export const jobScheduleRuns = mysqlTable(
  'job_schedule_runs',
  {
    name: varchar('name', { length: 200 }).notNull(),
    runAt: at('run_at').notNull(),
    claimedAt: at('claimed_at').notNull().default(NOW),
  },
  (t) => [primaryKey({ columns: [t.name, t.runAt] })],
);
