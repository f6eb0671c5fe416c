import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { retryOnDeadlock } from '../../src/lib/jobs/retry-deadlock.js';

/**
 * What the queue option adds to test environments; each queue option ships its own version of this file.
 * This one (`--queue pg-boss`): pg-boss in the real PostgreSQL when DATABASE_URL is set (CI,
 * `DATABASE_URL=… npm test`), the in-process stand-in otherwise. Every test file gets a queue of its own,
 * new on every run, so files running in parallel never take each other's jobs; retry delays shrink to
 * 1/1000 (whole seconds for pg-boss: no delay) and idle workers look for jobs twice a second.
 */
const FILE_QUEUE = `test-${randomUUID()}`;

/** Variables that take the queue server away, so jobs run on the in-process stand-in. */
export const NO_QUEUE_SERVER: Record<string, string> = { DATABASE_URL: '' };

export function jobsTestEnv(): Record<string, string | undefined> {
  return { JOBS_QUEUE_NAME: FILE_QUEUE, JOBS_BACKOFF_SCALE: '0.001', JOBS_POLL_INTERVAL_MS: '500' };
}

/** What production additionally requires of this queue option: nothing (without DATABASE_URL the stand-in runs). */
export function jobsProductionEnv(): Record<string, string> {
  return { JOBS_QUEUE_NAME: FILE_QUEUE };
}

/** Deletes a test queue, its dead letters and its scheduled jobs' queues: each pg-boss queue is a table of its own. */
export async function removeTestQueue(name = FILE_QUEUE): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ installed: boolean }>("SELECT to_regclass('pgboss.queue') IS NOT NULL AS installed");
    if (!rows[0]?.installed) return;
    // With the queues of its scheduled jobs (`<name>.cron.<job>`); their schedules go with them.
    const { rows: scheduleQueues } = await client.query<{ name: string }>(
      "SELECT name FROM pgboss.queue WHERE starts_with(name, $1 || '.cron.')",
      [name],
    );
    // Dead letters last: the other queues refer to that one.
    const queues = [...scheduleQueues.map((row) => row.name), name, `${name}-dead`];
    // pg-boss refuses to drop a queue that still holds jobs.
    await retryOnDeadlock(async () => {
      await client.query('BEGIN');
      try {
        await client.query('DELETE FROM pgboss.job WHERE name = ANY($1)', [queues]);
        for (const queue of queues) await client.query('SELECT pgboss.delete_queue($1)', [queue]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    });
  } finally {
    await client.end();
  }
}
