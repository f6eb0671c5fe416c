import type { z } from 'zod';

/**
 * The job port. Producers enqueue a job's data (never a reference that may change before it runs);
 * consumers are plain async functions. Every adapter (in-process, BullMQ, pg-boss) keeps the same
 * contract: at-least-once delivery, `attempts` tries with exponential backoff (`backoffMs`, then
 * doubled each time), and after the last failed attempt the job moves to the dead-letter queue.
 * Handlers must therefore be idempotent: a job may run again after a crash or a hand-back.
 */

export interface JobSpec<T> {
  /** Unique, stable name: it is stored with every queued job. */
  readonly name: string;
  /** Validates the data on enqueue and again before the handler runs (it may come from an older release). */
  readonly schema: z.ZodType<T>;
  /** Total tries, the first included. */
  readonly attempts: number;
  /** Delay before the first retry; each later retry waits twice as long as the one before. */
  readonly backoffMs: number;
  /** A run that takes longer is aborted (its signal fires) and counts as a failed attempt. */
  readonly timeoutMs: number;
}

export interface JobContext {
  readonly jobId: string;
  /** 1 on the first try. */
  readonly attempt: number;
  /** Fires on timeout and when the worker shuts down: stop and let the job be retried. */
  readonly signal: AbortSignal;
}

export type JobHandler<T> = (data: T, context: JobContext) => Promise<void>;

export interface EnqueueOptions {
  /**
   * Idempotent producers: while a job of the same name with this key is waiting, delayed or running,
   * enqueueing the key again adds nothing and returns the existing job's id. Once it has finished (or
   * been dead-lettered) the key is free again.
   */
  key?: string;
  delayMs?: number;
}

/** A job type with its handler bound, as the adapters consume it (data still unvalidated). */
export interface Consumer {
  spec: JobSpec<unknown>;
  handle: JobHandler<unknown>;
  /**
   * Cron schedule (UTC, see cron.ts): the adapter that consumes this job also enqueues it at these
   * times, with `{}` as data, once per run however many processes consume it.
   */
  schedule?: string | undefined;
}

export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
  /** Jobs in the dead-letter queue. */
  dead: number;
}

export interface DeadLetter {
  jobId: string;
  name: string;
  data: unknown;
  attempts: number;
  error: string;
  failedAt: string;
}

export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq' | 'pg-boss';
  /** True when consumers run inside the API process (no queue server configured). */
  readonly runsInProcess: boolean;
  /** Validates `data` against the spec (throws the ZodError, queues nothing) and stores a JSON copy. */
  enqueue<T>(spec: JobSpec<T>, data: T, options?: EnqueueOptions): Promise<string>;
  /**
   * Starts consuming these job types in this process; a later call adds more types. A job whose name
   * no consumer knows fails like any other (retries, then the dead-letter queue). Consumers with a
   * `schedule` are also enqueued on it: BullMQ keeps one job scheduler per job in Redis, pg-boss one
   * schedule in PostgreSQL (both run each tick once across all workers), the in-process adapter a timer
   * whose ticks are claimed in the database first (see schedule-lease.ts).
   */
  work(consumers: readonly Consumer[]): Promise<void>;
  /** Rejects when the queue's server cannot be reached (readiness reports it). */
  depth(): Promise<QueueDepth>;
  /** The most recent dead letters first. */
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /**
   * Stops taking jobs (and this process's schedule timers), lets running ones finish for up to
   * `graceMs`, hands the rest back to the queue (they run again elsewhere), then closes connections.
   */
  close(graceMs?: number): Promise<void>;
}
