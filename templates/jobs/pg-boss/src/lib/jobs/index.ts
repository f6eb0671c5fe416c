import { readAppInfo } from '../../config/app-info.js';
import type { Env } from '../../config/env.js';
import type { Database } from '../database.js';
import type { AppLogger } from '../logger.js';
import { InProcessJobQueue } from './in-process.js';
import type { JobQueue } from './jobs.js';
import { createScheduleLease } from './schedule-lease.js';
import { PgBossJobQueue } from './pg-boss.js';

export type { JobQueue } from './jobs.js';

export type JobsEnv = Pick<Env, 'DATABASE_URL' | 'JOBS_QUEUE_NAME' | 'JOBS_CONCURRENCY' | 'JOBS_BACKOFF_SCALE' | 'JOBS_POLL_INTERVAL_MS'>;

/**
 * `--queue pg-boss`: jobs in the app's PostgreSQL, consumed by `npm run worker`. Each queue option
 * ships its own version of this file. Without DATABASE_URL the app runs on the embedded PGlite, which
 * pg-boss cannot use (it needs real connections from several processes): the in-process adapter stands
 * in and the API runs the jobs itself, so `npm run dev` and `npm test` need no server.
 */
export async function createJobQueue(env: JobsEnv, logger: AppLogger, database?: Database): Promise<JobQueue> {
  if (env.DATABASE_URL === undefined) {
    logger.info({ queue: 'in-process' }, 'DATABASE_URL is not set: jobs run inside this process and are lost when it stops; set DATABASE_URL to use pg-boss');
    return new InProcessJobQueue({
      logger,
      concurrency: env.JOBS_CONCURRENCY,
      backoffScale: env.JOBS_BACKOFF_SCALE,
      scheduleLease: database && createScheduleLease(database),
    });
  }
  const queue = new PgBossJobQueue({
    url: env.DATABASE_URL,
    queueName: jobQueueName(env),
    logger,
    concurrency: env.JOBS_CONCURRENCY,
    backoffScale: env.JOBS_BACKOFF_SCALE,
    pollIntervalMs: env.JOBS_POLL_INTERVAL_MS,
  });
  // Installs pg-boss's schema when the database is up; when it is not, start anyway (readiness reports it,
  // and the next use tries again).
  await queue.started().catch((err: unknown) => logger.warn({ err }, 'job queue not ready yet: PostgreSQL did not answer'));
  return queue;
}

/** Why jobs run inside the API process with this configuration; undefined when pg-boss takes them. */
export function jobsStandInReason(env: JobsEnv): string | undefined {
  return env.DATABASE_URL === undefined ? 'DATABASE_URL is not set (pg-boss keeps its jobs in PostgreSQL; the embedded PGlite cannot)' : undefined;
}

/** JOBS_QUEUE_NAME, or the package name made safe for a queue name, so apps sharing one database stay apart. */
export function jobQueueName(env: Pick<Env, 'JOBS_QUEUE_NAME'>): string {
  return env.JOBS_QUEUE_NAME ?? readAppInfo().name.replace(/[^\w.-]+/g, '-');
}
