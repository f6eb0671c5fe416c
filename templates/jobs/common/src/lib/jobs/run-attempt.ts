import type { Consumer, JobSpec } from './jobs.js';

/**
 * One try of one job, the same for every adapter: the handler gets a signal that fires when the spec's
 * timeout passes or when the worker shuts down, and the attempt ends at that moment even if the handler
 * ignores the signal (JavaScript cannot stop a promise; a handler that keeps going runs on unobserved).
 */

export class JobTimeoutError extends Error {
  constructor(name: string, timeoutMs: number) {
    super(`job ${name} did not finish within ${timeoutMs} ms`);
    this.name = 'JobTimeoutError';
  }
}

/** The reason the signal carries when the worker shuts down: the job goes back to the queue. */
export class JobHandedBackError extends Error {
  constructor() {
    super('the worker shut down before the job finished; it was handed back to the queue');
    this.name = 'JobHandedBackError';
  }
}

/** No consumer knows the job's name: an older or newer release enqueued it, or a registration is missing. */
export class UnknownJobError extends Error {
  constructor(name: string) {
    super(`no consumer is registered for job ${name} (see src/jobs/index.ts)`);
    this.name = 'UnknownJobError';
  }
}

export type AttemptOutcome = { status: 'completed' } | { status: 'failed'; error: Error } | { status: 'handed-back' };

export interface AttemptInput {
  jobId: string;
  data: unknown;
  /** 1 on the first try. */
  attempt: number;
}

export async function runAttempt(consumer: Consumer, job: AttemptInput, shutdown: AbortSignal): Promise<AttemptOutcome> {
  const { spec } = consumer;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new JobTimeoutError(spec.name, spec.timeoutMs)), spec.timeoutMs);
  const onShutdown = () => controller.abort(new JobHandedBackError());
  shutdown.addEventListener('abort', onShutdown, { once: true });
  if (shutdown.aborted) onShutdown();

  const aborted = new Promise<never>((_resolve, reject) => {
    const fail = () => reject(controller.signal.reason as Error);
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener('abort', fail, { once: true });
  });
  try {
    const handled = Promise.resolve().then(() =>
      consumer.handle(job.data, { jobId: job.jobId, attempt: job.attempt, signal: controller.signal }),
    );
    await Promise.race([handled, aborted]);
    return { status: 'completed' };
  } catch (error) {
    if (controller.signal.reason instanceof JobHandedBackError) return { status: 'handed-back' };
    return { status: 'failed', error: toError(error) };
  } finally {
    clearTimeout(timer);
    shutdown.removeEventListener('abort', onShutdown);
  }
}

/** Delay before the retry that follows failed attempt number `attemptsMade`: backoffMs, then doubled each time. */
export function retryDelayMs(spec: Pick<JobSpec<unknown>, 'backoffMs'>, attemptsMade: number, scale = 1): number {
  return Math.round(spec.backoffMs * scale * 2 ** (attemptsMade - 1));
}

/**
 * Validates data on enqueue and returns what the queue stores: a JSON copy, because that is what every
 * real queue keeps, so a producer mutating its object afterwards (or passing a Date) behaves the same
 * in-process as with a server.
 */
export function jobPayload<T>(spec: JobSpec<T>, data: T): unknown {
  spec.schema.parse(data);
  const json = JSON.stringify(data);
  return json === undefined ? null : (JSON.parse(json) as unknown);
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** What a dead letter records about the last failure: the message, and the error's name when it says more. */
export function describeError(error: Error): string {
  return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
}

/**
 * Adds `consumers` to an adapter's registry by job name, the same rule for every adapter: a closed
 * queue takes none, and a job type has exactly one consumer per process.
 */
export function registerConsumers(registry: Map<string, Consumer>, consumers: readonly Consumer[], closed: boolean): void {
  if (closed) throw new Error('the job queue is closed');
  for (const consumer of consumers) {
    if (registry.has(consumer.spec.name)) throw new Error(`job ${consumer.spec.name} already has a consumer`);
    registry.set(consumer.spec.name, consumer);
  }
}
