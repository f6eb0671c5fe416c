import type { Env } from '../../config/env.js';
import type { Database } from '../database.js';
import type { AppLogger } from '../logger.js';
import { InProcessJobQueue } from './in-process.js';
import type { JobQueue } from './jobs.js';
import { createScheduleLease } from './schedule-lease.js';

export type { JobQueue } from './jobs.js';

export type JobsEnv = Pick<Env, 'JOBS_CONCURRENCY' | 'JOBS_BACKOFF_SCALE'>;

/**
 * `--queue none`: the jobs of the chosen features (emails, webhook deliveries) run inside the API
 * process, retried from memory. Each queue option ships its own version of this file.
 */
export async function createJobQueue(env: JobsEnv, logger: AppLogger, database: Database): Promise<JobQueue> {
  return new InProcessJobQueue({
    logger,
    concurrency: env.JOBS_CONCURRENCY,
    backoffScale: env.JOBS_BACKOFF_SCALE,
    // Several API instances each run these timers: the database decides which one runs a tick.
    scheduleLease: createScheduleLease(database),
  });
}

/** Why jobs run inside the API process with this configuration; undefined when a queue server takes them. */
export function jobsStandInReason(_env: JobsEnv): string | undefined {
  return 'this project has no queue server (created with --queue none)';
}
