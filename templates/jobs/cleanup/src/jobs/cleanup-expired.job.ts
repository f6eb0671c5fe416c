import { z } from 'zod';
import type { JobSpec } from '../lib/jobs/jobs.js';
import { createExpiredRowSweeps, type ExpiredRowSweep } from '../repositories/expired-rows.repository.js';
import { defineJob } from './define.js';

/**
 * Deletes rows nobody can use any more (expired refresh tokens or sessions, expired password-reset
 * links, login-failure counters whose lockout window has passed), so those tables stay small and old
 * secrets' hashes do not linger. Hourly at :17; in batches, so one run never holds long locks.
 * Idempotent: a run that repeats or overlaps another deletes what is left, nothing more.
 */

export const cleanupExpiredSpec: JobSpec<Record<string, never>> = {
  name: 'maintenance.cleanup-expired',
  schema: z.object({}).strict(),
  attempts: 3,
  backoffMs: 60_000,
  timeoutMs: 10 * 60_000,
};

export const CLEANUP_SCHEDULE = '17 * * * *';
/** Rows per DELETE: small enough that each statement is quick, large enough to keep up. */
export const CLEANUP_BATCH_SIZE = 1000;

/** Runs every sweep until it deletes less than a full batch; returns the rows deleted per table. */
export async function cleanupExpired(
  sweeps: readonly ExpiredRowSweep[],
  now: Date,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<Record<string, number>> {
  const batchSize = options.batchSize ?? CLEANUP_BATCH_SIZE;
  const deleted: Record<string, number> = {};
  for (const sweep of sweeps) {
    let total = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      const count = await sweep.deleteBatch(now, batchSize);
      total += count;
      if (count < batchSize) break;
    }
    deleted[sweep.table] = total;
  }
  return deleted;
}

export const cleanupExpiredJob = defineJob(
  cleanupExpiredSpec,
  (deps) => {
    const sweeps = createExpiredRowSweeps(deps.database, { lockoutWindowMs: deps.env.LOGIN_LOCKOUT_MINUTES * 60_000 });
    return async (_data, { signal }) => {
      const deleted = await cleanupExpired(sweeps, new Date(), { signal });
      deps.logger.info({ job: cleanupExpiredSpec.name, deleted }, 'expired rows deleted');
    };
  },
  { schedule: CLEANUP_SCHEDULE },
);
