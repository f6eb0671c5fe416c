import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InProcessJobQueue } from '../../src/lib/jobs/in-process.js';
import { retryDelayMs } from '../../src/lib/jobs/run-attempt.js';
import { createLogger } from '../../src/lib/logger.js';
import { describeJobQueueContract } from '../helpers/job-queue-contract.js';

const logger = createLogger({ LOG_LEVEL: 'silent' });

describeJobQueueContract({
  label: 'in-process adapter',
  create: async () => new InProcessJobQueue({ logger, concurrency: 5 }),
  backoffUnitMs: 40,
  durable: false,
});

describe('in-process adapter specifics', () => {
  const spec = { name: 'scaled', schema: z.object({}), attempts: 3, backoffMs: 60_000, timeoutMs: 1000 };

  it('doubles the delay after each failed attempt, scaled by JOBS_BACKOFF_SCALE', () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(spec, attempt))).toEqual([60_000, 120_000, 240_000]);
    expect([1, 2, 3].map((attempt) => retryDelayMs(spec, attempt, 0.001))).toEqual([60, 120, 240]);
  });

  it('applies the backoff scale to real retries: a one-minute backoff takes milliseconds', async () => {
    const queue = new InProcessJobQueue({ logger, concurrency: 1, backoffScale: 0.0005 });
    const attempts: number[] = [];
    await queue.work([
      {
        spec,
        handle: async (_data, { attempt }) => {
          attempts.push(attempt);
          if (attempt < 3) throw new Error('not yet');
        },
      },
    ]);
    await queue.enqueue(spec, {});
    await expect.poll(() => attempts, { timeout: 2000, interval: 10 }).toEqual([1, 2, 3]);
    await queue.close();
  });

  it('fails jobs no consumer knows into the dead-letter queue instead of keeping them forever', async () => {
    const queue = new InProcessJobQueue({ logger, concurrency: 1 });
    await queue.work([]);
    await queue.enqueue({ ...spec, attempts: 1 }, {});
    await expect.poll(() => queue.deadLetters(), { timeout: 2000, interval: 10 }).toHaveLength(1);
    expect((await queue.deadLetters())[0]?.error).toContain('no consumer is registered for job scaled');
    await queue.close();
  });

  it('refuses new jobs once closed', async () => {
    const queue = new InProcessJobQueue({ logger, concurrency: 1 });
    await queue.close();
    await expect(queue.enqueue(spec, {})).rejects.toThrow('closed');
  });
});
