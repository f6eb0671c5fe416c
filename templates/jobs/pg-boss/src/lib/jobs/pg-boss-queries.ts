import type pg from 'pg';
import type { DeadLetter, QueueDepth } from './jobs.js';

/**
 * The reads pg-boss has no API for, as SQL on its tables (schema `pgboss`): the depth split by state,
 * the dead letters with their error, the lookup behind idempotent enqueueing, and handing a job back.
 */

export const PG_BOSS_SCHEMA = 'pgboss';

/** What this app stores as a pg-boss job's data: pg-boss ids and names are per queue, ours travel inside. */
export interface Envelope {
  /** Absent in scheduled runs (their data is the schedule's): the pg-boss job id stands in. */
  id?: string;
  name: string;
  data: unknown;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export async function queueDepth(db: Queryable, queue: string, deadQueue: string): Promise<QueueDepth> {
  const { rows } = await db.query<{ waiting: number; delayed: number; active: number; dead: number }>(
    `SELECT
       count(*) FILTER (WHERE name = $1 AND state IN ('created', 'retry') AND start_after <= now())::int AS waiting,
       count(*) FILTER (WHERE name = $1 AND state IN ('created', 'retry') AND start_after > now())::int AS delayed,
       count(*) FILTER (WHERE name = $1 AND state = 'active')::int AS active,
       count(*) FILTER (WHERE name = $2 AND state < 'completed')::int AS dead
     FROM ${PG_BOSS_SCHEMA}.job WHERE name IN ($1, $2)`,
    [queue, deadQueue],
  );
  const [row] = rows;
  return { waiting: row?.waiting ?? 0, active: row?.active ?? 0, delayed: row?.delayed ?? 0, dead: row?.dead ?? 0 };
}

export async function listDeadLetters(db: Queryable, deadQueue: string, limit: number): Promise<DeadLetter[]> {
  const { rows } = await db.query<{ id: string; data: Envelope; output: { message?: string; name?: string } | null; retry_limit: number; created_on: Date }>(
    `SELECT id, data, output, retry_limit, created_on FROM ${PG_BOSS_SCHEMA}.job
     WHERE name = $1 AND state < 'completed' ORDER BY created_on DESC LIMIT $2`,
    [deadQueue, limit],
  );
  return rows.map((row) => ({
    jobId: row.data.id ?? row.id,
    name: row.data.name,
    data: row.data.data,
    // pg-boss copies the failed job's retry limit: tries = retries + the first one.
    attempts: row.retry_limit + 1,
    error: describeOutput(row.output),
    failedAt: row.created_on.toISOString(),
  }));
}

/** The id of the job holding `key` while it is waiting, delayed or running, if any. */
export async function findByKey(db: Queryable, queue: string, key: string): Promise<string | undefined> {
  const { rows } = await db.query<{ data: Envelope }>(
    `SELECT data FROM ${PG_BOSS_SCHEMA}.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' LIMIT 1`,
    [queue, key],
  );
  return rows[0]?.data.id;
}

/**
 * Puts a running job back to waiting as if it had never started, so its next run is the same attempt
 * (pg-boss's own cancel/resume would keep `started_on`, and its next fetch would count a retry).
 */
export async function handBack(db: Queryable, queue: string, jobId: string): Promise<void> {
  await db.query(
    `UPDATE ${PG_BOSS_SCHEMA}.job SET state = 'created', started_on = NULL, start_after = now()
     WHERE name = $1 AND id = $2 AND state = 'active'`,
    [queue, jobId],
  );
}

/** Serialises concurrent enqueues of one key until the transaction ends. */
export async function lockKey(db: Queryable, queue: string, key: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${queue}/${key}`]);
}

function describeOutput(output: { message?: string; name?: string } | null): string {
  if (!output?.message) return 'unknown error';
  return output.name && output.name !== 'Error' ? `${output.name}: ${output.message}` : output.message;
}
