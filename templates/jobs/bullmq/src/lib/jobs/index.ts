import { readAppInfo } from '../../config/app-info.js';
import type { Env } from '../../config/env.js';
import type { Database } from '../database.js';
import type { AppLogger } from '../logger.js';
import { BullmqJobQueue } from './bullmq.js';
import { InProcessJobQueue } from './in-process.js';
import type { JobQueue } from './jobs.js';
import { createScheduleLease } from './schedule-lease.js';

export type { JobQueue } from './jobs.js';

export type JobsEnv = Pick<Env, 'REDIS_URL' | 'JOBS_QUEUE_NAME' | 'JOBS_CONCURRENCY' | 'JOBS_BACKOFF_SCALE'>;

/**
 * `--queue bullmq`: jobs in Redis, consumed by `npm run worker`. Each queue option ships its own
 * version of this file. Without REDIS_URL (allowed outside production only, see PRODUCTION_REQUIRED)
 * the in-process adapter stands in and the API runs the jobs itself, so `npm run dev` and `npm test`
 * need no Redis. (The database only claims the stand-in's scheduled runs, see schedule-lease.ts.)
 */
export async function createJobQueue(env: JobsEnv, logger: AppLogger, database?: Database): Promise<JobQueue> {
  if (env.REDIS_URL === undefined) {
    logger.info({ queue: 'in-process' }, 'REDIS_URL is not set: jobs run inside this process and are lost when it stops; set REDIS_URL to use BullMQ');
    return new InProcessJobQueue({
      logger,
      concurrency: env.JOBS_CONCURRENCY,
      backoffScale: env.JOBS_BACKOFF_SCALE,
      scheduleLease: database && createScheduleLease(database),
    });
  }
  const queue = new BullmqJobQueue({
    url: env.REDIS_URL,
    queueName: jobQueueName(env),
    logger,
    concurrency: env.JOBS_CONCURRENCY,
    backoffScale: env.JOBS_BACKOFF_SCALE,
  });
  // Start with a warm connection when Redis is up; when it is not, start anyway (readiness reports it).
  await queue.connected(2000);
  return queue;
}

/** Why jobs run inside the API process with this configuration; undefined when BullMQ takes them. */
export function jobsStandInReason(env: JobsEnv): string | undefined {
  return env.REDIS_URL === undefined ? 'REDIS_URL is not set (BullMQ keeps its jobs in Redis)' : undefined;
}

/** JOBS_QUEUE_NAME, or the package name made safe for a queue name, so apps sharing one Redis stay apart. */
export function jobQueueName(env: Pick<Env, 'JOBS_QUEUE_NAME'>): string {
  return env.JOBS_QUEUE_NAME ?? readAppInfo().name.replace(/[^\w.-]+/g, '-');
}
