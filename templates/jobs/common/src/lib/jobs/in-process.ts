import { randomUUID } from 'node:crypto';
import type { AppLogger } from '../logger.js';
import { InProcessScheduler, type ScheduleLease } from './in-process-scheduler.js';
import type { Consumer, DeadLetter, EnqueueOptions, JobQueue, JobSpec, QueueDepth } from './jobs.js';
import { describeError, jobPayload, registerConsumers, retryDelayMs, runAttempt, UnknownJobError } from './run-attempt.js';

/**
 * Jobs kept in this process's memory: the adapter of `--queue none`, and the stand-in of BullMQ and
 * pg-boss when no server is configured (dev, tests). Same contract as the real queues (attempts,
 * exponential backoff, timeout, dead letters, idempotency keys), but nothing survives a restart: jobs
 * still waiting when the process exits are lost, which is why production uses a queue server.
 */

export interface InProcessJobQueueOptions {
  logger: AppLogger;
  /** Jobs running at the same time. */
  concurrency: number;
  /** Multiplies every retry delay (JOBS_BACKOFF_SCALE); tests use a small one. */
  backoffScale?: number;
  /** Dead letters kept; the oldest are dropped beyond this so memory stays bounded. */
  maxDeadLetters?: number;
  /** Claims each scheduled run in the database, so several API instances run it once (schedule-lease.ts). */
  scheduleLease?: ScheduleLease | undefined;
}

interface QueuedJob {
  id: string;
  name: string;
  data: unknown;
  /** Scoped key (name + key), when the producer gave one. */
  key?: string | undefined;
  attemptsMade: number;
  state: 'waiting' | 'delayed' | 'active';
  timer?: NodeJS.Timeout | undefined;
}

export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  readonly runsInProcess = true;

  private readonly jobs = new Map<string, QueuedJob>();
  /** Waiting job ids, oldest first. */
  private readonly waiting: string[] = [];
  private readonly keys = new Map<string, string>();
  private readonly consumers = new Map<string, Consumer>();
  private readonly running = new Set<Promise<void>>();
  private readonly dead: DeadLetter[] = [];
  private readonly shutdown = new AbortController();
  private readonly scheduler: InProcessScheduler;
  private working = false;
  private closed = false;

  constructor(private readonly options: InProcessJobQueueOptions) {
    this.scheduler = new InProcessScheduler({
      logger: options.logger,
      lease: options.scheduleLease,
      // Keyed by the run's time: a tick enqueued twice in this process (it cannot be, but) adds one job.
      enqueue: (spec, runAt) => this.enqueue(spec, {}, { key: `schedule/${runAt.toISOString()}` }),
    });
  }

  async enqueue<T>(spec: JobSpec<T>, data: T, options: EnqueueOptions = {}): Promise<string> {
    if (this.closed) throw new Error('the job queue is closed');
    const payload = jobPayload(spec, data);
    const key = options.key === undefined ? undefined : `${spec.name}/${options.key}`;
    const existing = key === undefined ? undefined : this.keys.get(key);
    if (existing !== undefined) return existing;

    const job: QueuedJob = { id: randomUUID(), name: spec.name, data: payload, key, attemptsMade: 0, state: 'waiting' };
    this.jobs.set(job.id, job);
    if (key !== undefined) this.keys.set(key, job.id);
    if (options.delayMs !== undefined && options.delayMs > 0) this.delay(job, options.delayMs);
    else this.makeWaiting(job);
    return job.id;
  }

  async work(consumers: readonly Consumer[]): Promise<void> {
    registerConsumers(this.consumers, consumers, this.closed);
    this.working = true;
    this.scheduler.start(consumers);
    this.pump();
  }

  async depth(): Promise<QueueDepth> {
    const depth = { waiting: 0, active: 0, delayed: 0, dead: this.dead.length };
    for (const job of this.jobs.values()) depth[job.state] += 1;
    return depth;
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    return this.dead.slice(-limit).reverse();
  }

  async close(graceMs = 0): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.scheduler.stop();
    for (const job of this.jobs.values()) clearTimeout(job.timer);

    const finished = Promise.all(this.running).then(() => 'finished' as const);
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs);
    });
    const outcome = await Promise.race([finished, graceOver]).finally(() => clearTimeout(timer));
    if (outcome === 'timeout') {
      // Running handlers see their signal fire; their jobs are handed back (to this dying process).
      this.shutdown.abort();
      await finished;
    }
    const lost = this.jobs.size;
    if (lost > 0) {
      this.options.logger.warn({ lost }, 'in-process job queue closed with unfinished jobs; they are lost (use a queue server to keep them)');
    }
  }

  private makeWaiting(job: QueuedJob): void {
    job.state = 'waiting';
    job.timer = undefined;
    this.waiting.push(job.id);
    this.pump();
  }

  private delay(job: QueuedJob, delayMs: number): void {
    job.state = 'delayed';
    job.timer = setTimeout(() => this.makeWaiting(job), delayMs);
  }

  /** Starts waiting jobs while there is room; called whenever a job arrives or a slot frees up. */
  private pump(): void {
    while (this.working && !this.closed && this.running.size < this.options.concurrency && this.waiting.length > 0) {
      const job = this.jobs.get(this.waiting.shift() ?? '');
      if (!job) continue;
      const run = this.run(job).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run(job: QueuedJob): Promise<void> {
    job.state = 'active';
    job.attemptsMade += 1;
    const consumer = this.consumers.get(job.name);
    const outcome = consumer
      ? await runAttempt(consumer, { jobId: job.id, data: job.data, attempt: job.attemptsMade }, this.shutdown.signal)
      : { status: 'failed' as const, error: new UnknownJobError(job.name) };
    const log = this.options.logger.child({ jobId: job.id, job: job.name, attempt: job.attemptsMade });

    if (outcome.status === 'completed') {
      this.forget(job);
      return;
    }
    if (outcome.status === 'handed-back') {
      // The attempt does not count: it was cut short by the shutdown, not by the job.
      job.attemptsMade -= 1;
      job.state = 'waiting';
      return;
    }
    const attempts = consumer?.spec.attempts ?? 1;
    if (job.attemptsMade < attempts) {
      const delayMs = retryDelayMs(consumer?.spec ?? { backoffMs: 0 }, job.attemptsMade, this.options.backoffScale);
      log.warn({ err: outcome.error, retryInMs: delayMs }, 'job failed; it will be retried');
      if (!this.closed) this.delay(job, delayMs);
      else job.state = 'delayed';
      return;
    }
    log.error({ err: outcome.error }, 'job failed on its last attempt; moved to the dead-letter queue');
    this.forget(job);
    this.dead.push({
      jobId: job.id,
      name: job.name,
      data: job.data,
      attempts: job.attemptsMade,
      error: describeError(outcome.error),
      failedAt: new Date().toISOString(),
    });
    const max = this.options.maxDeadLetters ?? 1000;
    if (this.dead.length > max) this.dead.splice(0, this.dead.length - max);
  }

  private forget(job: QueuedJob): void {
    this.jobs.delete(job.id);
    if (job.key !== undefined && this.keys.get(job.key) === job.id) this.keys.delete(job.key);
  }
}
