import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Consumer, JobContext, JobQueue, JobSpec } from '../../src/lib/jobs/jobs.js';
import { JobHandedBackError } from '../../src/lib/jobs/run-attempt.js';

/**
 * The behaviour every JobQueue adapter promises (src/lib/jobs/jobs.ts), as one suite that each adapter's
 * test file runs against itself: the in-process adapter always, BullMQ and pg-boss against their servers
 * when REDIS_URL / DATABASE_URL are set (and against their in-process stand-in otherwise).
 */

export interface ContractTarget {
  /** Printed in the suite's title, so a run shows which backend it exercised. */
  label: string;
  /** A queue named `name` (a fresh one per test; a second call with the same name reopens it). */
  create(name: string): Promise<JobQueue>;
  /** A retry delay the backend honours precisely enough to measure (pg-boss counts whole seconds). */
  backoffUnitMs: number;
  /** Jobs outlive the process that queued them: a handed-back job runs again on the next worker. */
  durable: boolean;
  /** Removes what a test left on the server (queues, dead letters). */
  destroy?(name: string): Promise<void>;
}

const payload = z.object({ value: z.string() });
type Payload = z.infer<typeof payload>;

function spec(overrides: Partial<JobSpec<Payload>> = {}): JobSpec<Payload> {
  return { name: `contract.${randomUUID().slice(0, 8)}`, schema: payload, attempts: 1, backoffMs: 10, timeoutMs: 5000, ...overrides };
}

function consumer(jobSpec: JobSpec<Payload>, handle: (data: Payload, context: JobContext) => Promise<void>): Consumer {
  return { spec: jobSpec as JobSpec<unknown>, handle: (data, context) => handle(payload.parse(data), context) };
}

/** A promise and the function that resolves it, for handlers that wait for the test. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const POLL = { timeout: 15_000, interval: 20 };

export function describeJobQueueContract(target: ContractTarget): void {
  describe(`job queue contract: ${target.label}`, () => {
    const opened: { name: string; queue: JobQueue }[] = [];

    async function open(name = `contract-${randomUUID()}`): Promise<JobQueue> {
      const queue = await target.create(name);
      opened.push({ name, queue });
      return queue;
    }

    afterEach(async () => {
      const names = new Set(opened.map((entry) => entry.name));
      await Promise.all(opened.splice(0).map(({ queue }) => queue.close(100)));
      for (const name of names) await target.destroy?.(name);
    });

    it('runs a job once with its data, as attempt 1', async () => {
      const queue = await open();
      const runs: { data: Payload; attempt: number }[] = [];
      const job = spec();
      await queue.work([consumer(job, async (data, { attempt }) => void runs.push({ data, attempt }))]);
      const id = await queue.enqueue(job, { value: 'hello' });
      expect(id).toEqual(expect.any(String));
      await expect.poll(() => runs, POLL).toEqual([{ data: { value: 'hello' }, attempt: 1 }]);
      await expect.poll(() => queue.depth(), POLL).toEqual({ waiting: 0, active: 0, delayed: 0, dead: 0 });
    });

    it('retries a failing job with exponentially growing delays until it succeeds', async () => {
      const queue = await open();
      const unit = target.backoffUnitMs;
      const job = spec({ attempts: 3, backoffMs: unit });
      const starts: number[] = [];
      await queue.work([
        consumer(job, async (_data, { attempt }) => {
          starts.push(performance.now());
          if (attempt < 3) throw new Error(`failure ${attempt}`);
        }),
      ]);
      await queue.enqueue(job, { value: 'retry' });
      await expect.poll(() => starts.length, { ...POLL, timeout: 10 * unit + 10_000 }).toBe(3);
      const [first = 0, second = 0, third = 0] = starts;
      // Timers may fire a millisecond early by the clock's rounding; never by a whole step.
      expect(second - first).toBeGreaterThanOrEqual(unit - 2);
      expect(third - second).toBeGreaterThanOrEqual(2 * unit - 2);
      await expect.poll(() => queue.depth(), POLL).toMatchObject({ waiting: 0, active: 0, delayed: 0, dead: 0 });
    }, 30_000);

    it('moves a job that fails its last attempt to the dead-letter queue, with its data and error', async () => {
      const queue = await open();
      const job = spec({ attempts: 2, backoffMs: 0 });
      let calls = 0;
      await queue.work([
        consumer(job, async () => {
          calls += 1;
          throw new Error(`boom ${calls}`);
        }),
      ]);
      const id = await queue.enqueue(job, { value: 'doomed' });
      await expect.poll(() => queue.deadLetters(), POLL).toHaveLength(1);
      const [dead] = await queue.deadLetters();
      expect(dead).toMatchObject({ jobId: id, name: job.name, data: { value: 'doomed' }, attempts: 2 });
      expect(dead?.error).toContain('boom 2');
      expect(Number.isNaN(Date.parse(dead?.failedAt ?? ''))).toBe(false);
      expect(calls).toBe(2);
      expect(await queue.depth()).toEqual({ waiting: 0, active: 0, delayed: 0, dead: 1 });
    });

    it('adds nothing for a key that is already waiting, and takes the key again once the job is done', async () => {
      const queue = await open();
      const job = spec();
      const first = await queue.enqueue(job, { value: 'a' }, { key: 'user-1' });
      expect(await queue.enqueue(job, { value: 'b' }, { key: 'user-1' })).toBe(first);
      const other = await queue.enqueue(job, { value: 'c' }, { key: 'user-2' });
      expect(other).not.toBe(first);
      expect(await queue.depth()).toMatchObject({ waiting: 2, active: 0, delayed: 0 });

      const seen: string[] = [];
      await queue.work([consumer(job, async (data) => void seen.push(data.value))]);
      await expect.poll(() => [...seen].sort(), POLL).toEqual(['a', 'c']);
      await expect.poll(() => queue.depth(), POLL).toMatchObject({ waiting: 0, active: 0 });
      await queue.enqueue(job, { value: 'd' }, { key: 'user-1' });
      await expect.poll(() => seen, POLL).toContain('d');
    });

    it('validates data against the spec on enqueue and stores a copy, not the caller’s object', async () => {
      const queue = await open();
      const job = spec();
      await expect(queue.enqueue(job, { value: 42 } as unknown as Payload)).rejects.toBeInstanceOf(z.ZodError);
      expect(await queue.depth()).toMatchObject({ waiting: 0, delayed: 0 });

      const data = { value: 'original' };
      await queue.enqueue(job, data);
      data.value = 'changed after enqueue';
      const seen: string[] = [];
      await queue.work([consumer(job, async ({ value }) => void seen.push(value))]);
      await expect.poll(() => seen, POLL).toEqual(['original']);
    });

    it('reports waiting, active, delayed and dead jobs in its depth', async () => {
      const queue = await open();
      const job = spec();
      const release = gate();
      let running = 0;
      await queue.enqueue(job, { value: 'later' }, { delayMs: 60_000 });
      await queue.enqueue(job, { value: 'one' });
      await queue.enqueue(job, { value: 'two' });
      expect(await queue.depth()).toEqual({ waiting: 2, active: 0, delayed: 1, dead: 0 });

      await queue.work([
        consumer(job, async () => {
          running += 1;
          await release.opened;
        }),
      ]);
      await expect.poll(() => running, POLL).toBe(2);
      await expect.poll(() => queue.depth(), POLL).toEqual({ waiting: 0, active: 2, delayed: 1, dead: 0 });
      release.open();
      await expect.poll(() => queue.depth(), POLL).toEqual({ waiting: 0, active: 0, delayed: 1, dead: 0 });
    });

    it('aborts a run that exceeds the timeout and counts it as a failed attempt', async () => {
      const queue = await open();
      const job = spec({ timeoutMs: 100 });
      const reasons: unknown[] = [];
      await queue.work([
        consumer(job, (_data, { signal }) => {
          // A well-behaved handler stops when its signal fires.
          return new Promise((_resolve, reject) => {
            signal.addEventListener('abort', () => {
              reasons.push(signal.reason);
              reject(signal.reason as Error);
            });
          });
        }),
      ]);
      await queue.enqueue(job, { value: 'slow' });
      await expect.poll(() => queue.deadLetters(), POLL).toHaveLength(1);
      expect((await queue.deadLetters())[0]?.error).toContain('did not finish within 100 ms');
      expect(reasons).toHaveLength(1);
    });

    it('lets a running job finish when closed within the grace time', async () => {
      const queue = await open();
      const job = spec();
      const events: string[] = [];
      await queue.work([
        consumer(job, async (_data, { signal }) => {
          events.push('started');
          await new Promise((resolve) => setTimeout(resolve, 200));
          events.push(signal.aborted ? 'aborted' : 'finished');
        }),
      ]);
      await queue.enqueue(job, { value: 'finish me' });
      await expect.poll(() => events, POLL).toEqual(['started']);
      await queue.close(5000);
      expect(events).toEqual(['started', 'finished']);
    });

    it('hands a job that outlives the grace time back to the queue, without counting the attempt', async () => {
      const name = `contract-${randomUUID()}`;
      const queue = await open(name);
      const job = spec({ attempts: 1 });
      const attempts: number[] = [];
      const reasons: unknown[] = [];
      await queue.work([
        consumer(job, async (_data, { attempt, signal }) => {
          attempts.push(attempt);
          signal.addEventListener('abort', () => reasons.push(signal.reason));
          // Ignores its signal otherwise: the adapter must still stop waiting for it.
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }),
      ]);
      await queue.enqueue(job, { value: 'hand me back' });
      await expect.poll(() => attempts, POLL).toEqual([1]);
      const closing = performance.now();
      await queue.close(100);
      expect(performance.now() - closing).toBeLessThan(1500);
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toBeInstanceOf(JobHandedBackError);
      if (!target.durable) return;

      // Another worker (a new deployment, say) takes it up again as attempt 1: nothing was lost.
      const next = await open(name);
      const rerun: number[] = [];
      await next.work([consumer(job, async (_data, { attempt }) => void rerun.push(attempt))]);
      await expect.poll(() => rerun, POLL).toEqual([1]);
      await expect.poll(() => next.deadLetters(), POLL).toEqual([]);
    });
  });
}
