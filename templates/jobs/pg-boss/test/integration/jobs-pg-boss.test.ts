import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobQueue, jobsStandInReason } from '../../src/lib/jobs/index.js';
import { InProcessJobQueue } from '../../src/lib/jobs/in-process.js';
import { PgBossJobQueue } from '../../src/lib/jobs/pg-boss.js';
import { createLogger } from '../../src/lib/logger.js';
import { useTestApp } from '../helpers/app.js';
import { testEnv } from '../helpers/env.js';
import { describeJobQueueContract } from '../helpers/job-queue-contract.js';
import { removeTestQueue } from '../helpers/jobs-env.js';

/**
 * pg-boss against the real PostgreSQL when DATABASE_URL is set (CI, `DATABASE_URL=… npm test`);
 * otherwise the same contract runs against what the app then uses instead, the in-process stand-in.
 * The suite's title says which.
 */
const databaseUrl = process.env.DATABASE_URL || undefined;
const logger = createLogger({ LOG_LEVEL: 'silent' });
// Port 1 on loopback: nothing listens there, so every connection attempt is refused at once.
const UNREACHABLE_DATABASE_URL = 'postgres://nobody:nothing@127.0.0.1:1/none';

// eslint-disable-next-line no-console -- say which backend this run exercised
console.info(databaseUrl ? 'jobs-pg-boss: contract against pg-boss on DATABASE_URL' : 'jobs-pg-boss: DATABASE_URL unset, contract against the in-process stand-in');

if (databaseUrl) {
  describeJobQueueContract({
    label: 'pg-boss on DATABASE_URL',
    create: async (name) => {
      const queue = new PgBossJobQueue({ url: databaseUrl, queueName: name, logger, concurrency: 5, pollIntervalMs: 500 });
      await queue.started();
      return queue;
    },
    // pg-boss counts retry delays in whole seconds.
    backoffUnitMs: 1000,
    durable: true,
    destroy: (name) => removeTestQueue(name),
  });
} else {
  describeJobQueueContract({
    label: 'in-process stand-in (DATABASE_URL unset)',
    create: () => createJobQueue(testEnv({ DATABASE_URL: '', JOBS_BACKOFF_SCALE: '1' }), logger),
    backoffUnitMs: 40,
    durable: false,
  });
}

describe('pg-boss queue selection', () => {
  it('uses pg-boss with DATABASE_URL and the in-process stand-in on the embedded database', async () => {
    const standIn = testEnv({ DATABASE_URL: '' });
    expect(await createJobQueue(standIn, logger)).toBeInstanceOf(InProcessJobQueue);
    expect(jobsStandInReason(standIn)).toContain('DATABASE_URL is not set');

    const withServer = testEnv({ DATABASE_URL: UNREACHABLE_DATABASE_URL, JOBS_QUEUE_NAME: `test-${randomUUID()}` });
    const queue = await createJobQueue(withServer, logger);
    expect(queue).toBeInstanceOf(PgBossJobQueue);
    expect(queue.runsInProcess).toBe(false);
    expect(jobsStandInReason(withServer)).toBeUndefined();
    await queue.close();
  });
});

describe('pg-boss with PostgreSQL unreachable', () => {
  const t = useTestApp();

  it('fails readiness on the queue and refuses to enqueue, instead of hanging', async () => {
    const queue = await createJobQueue(testEnv({ DATABASE_URL: UNREACHABLE_DATABASE_URL }), logger);
    try {
      const { app } = await t.build({ deps: { jobs: queue } });
      const response = await app.inject({ url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'not ready', checks: { queue: 'fail' } });
      const spec = { name: 'test.unreachable', schema: z.object({}), attempts: 1, backoffMs: 0, timeoutMs: 1000 };
      await expect(queue.enqueue(spec, {})).rejects.toThrow();
    } finally {
      await queue.close();
    }
  });
});
