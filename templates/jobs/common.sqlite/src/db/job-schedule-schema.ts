import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Typed mirror of migrations/0007_job_schedule_runs (the SQL is the source of truth). */

const at = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const jobScheduleRuns = sqliteTable(
  'job_schedule_runs',
  {
    name: text('name').notNull(),
    runAt: at('run_at').notNull(),
    claimedAt: at('claimed_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [primaryKey({ columns: [t.name, t.runAt] })],
);
