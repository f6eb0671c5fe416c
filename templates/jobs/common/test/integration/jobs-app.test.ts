import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closeJobQueue } from '../../src/lib/jobs/health.js';
import type { JobSpec } from '../../src/lib/jobs/jobs.js';
import { useTestApp } from '../helpers/app.js';

const pingJob: JobSpec<{ n: number }> = { name: 'test.ping', schema: z.object({ n: z.number() }), attempts: 2, backoffMs: 10, timeoutMs: 2000 };

describe('jobs in the app', () => {
  const t = useTestApp();

  it('runs enqueued jobs: inside the API without a queue server, by the worker with one', async () => {
    const seen: number[] = [];
    await t.deps.jobs.work([{ spec: pingJob as JobSpec<unknown>, handle: async (data) => void seen.push(pingJob.schema.parse(data).n) }]);
    await t.deps.jobs.enqueue(pingJob, { n: 1 });
    await t.deps.jobs.enqueue(pingJob, { n: 2 });
    await expect.poll(() => [...seen].sort(), { timeout: 10_000, interval: 20 }).toEqual([1, 2]);
  });

  it('shows the queue and its depth in readiness', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ checks: Record<string, string>; details: Record<string, Record<string, number>> }>();
    expect(body.checks.queue).toBe('ok');
    expect(body.details.queue).toEqual({
      waiting: expect.any(Number),
      active: expect.any(Number),
      delayed: expect.any(Number),
      dead: expect.any(Number),
    });
  });

  it('closes the queue on shutdown: nothing is taken after that', async () => {
    const { deps } = await t.build();
    await closeJobQueue.run(deps);
    await expect(deps.jobs.enqueue(pingJob, { n: 3 })).rejects.toThrow();
    await closeJobQueue.run(deps);
  });
});
