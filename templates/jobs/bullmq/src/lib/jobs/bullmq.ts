import { Queue, WaitingError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppLogger } from '../logger.js';
import { SCHEDULE_TIME_ZONE } from './cron.js';
import type { Consumer, DeadLetter, EnqueueOptions, JobQueue, JobSpec, QueueDepth } from './jobs.js';
import { firstConnection } from '../redis/first-connection.js';
import { createProducerConnection, createWorkerConnection, requireReady } from './redis-connections.js';
import { type AttemptOutcome, describeError, jobPayload, registerConsumers, runAttempt, UnknownJobError } from './run-attempt.js';

/**
 * BullMQ on Redis: one queue per app (`<name>`), every job type in it by name, and a second queue
 * `<name>-dead` that only stores dead letters (BullMQ has none built in: a job that fails its last
 * attempt is copied there, then removed). Completed jobs are removed at once, which frees their
 * idempotency key (the job id) for the next enqueue.
 */

export interface BullmqJobQueueOptions {
  url: string;
  queueName: string;
  logger: AppLogger;
  concurrency: number;
  backoffScale?: number;
}

/** What a dead-letter entry stores as its data. */
interface DeadLetterRecord {
  jobId: string;
  data: unknown;
  attempts: number;
  error: string;
  failedAt: string;
}

/** Longest a closing worker waits for handed-back jobs to reach Redis before it lets go anyway. */
const HAND_BACK_MS = 5000;

/** Job schedulers this app owns are named `cron/<job name>`; others on the queue are left alone. */
const SCHEDULER_PREFIX = 'cron/';

export class BullmqJobQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  readonly runsInProcess = false;

  private readonly producer: Redis;
  private readonly queue: Queue;
  private readonly deadQueue: Queue;
  private readonly consumers = new Map<string, Consumer>();
  private readonly shutdown = new AbortController();
  private readonly scheduled = new Map<string, { spec: JobSpec<unknown>; schedule: string }>();
  private worker: Worker | undefined;
  private workerConnection: Redis | undefined;
  private scheduleRetry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: BullmqJobQueueOptions) {
    this.producer = createProducerConnection(options.url, options.logger);
    this.queue = new Queue(options.queueName, { connection: this.producer });
    this.deadQueue = new Queue(`${options.queueName}-dead`, { connection: this.producer });
    // Connection problems are logged by the connection itself; without a listener they would crash the process.
    this.queue.on('error', () => {});
    this.deadQueue.on('error', () => {});
  }

  /** Resolves once Redis has answered or the first connection attempt failed: the app starts either way. */
  async connected(timeoutMs: number): Promise<void> {
    await firstConnection(this.producer, timeoutMs);
  }

  async enqueue<T>(spec: JobSpec<T>, data: T, options: EnqueueOptions = {}): Promise<string> {
    if (this.closed) throw new Error('the job queue is closed');
    const payload = jobPayload(spec, data);
    requireReady(this.producer);
    const job = await this.queue.add(spec.name, payload, {
      // BullMQ ignores an add whose id exists: that is the idempotency key. Ids may not contain ':'.
      ...(options.key === undefined ? {} : { jobId: `${encodeURIComponent(spec.name)}/${encodeURIComponent(options.key)}` }),
      ...(options.delayMs === undefined ? {} : { delay: options.delayMs }),
      ...this.jobOptions(spec),
    });
    if (job.id === undefined) throw new Error('BullMQ returned a job without an id');
    return job.id;
  }

  async work(consumers: readonly Consumer[]): Promise<void> {
    registerConsumers(this.consumers, consumers, this.closed);
    for (const { spec, schedule } of consumers) if (schedule !== undefined) this.scheduled.set(spec.name, { spec, schedule });
    if (this.scheduled.size > 0) await this.syncSchedules();
    if (this.worker) return;
    this.workerConnection = createWorkerConnection(this.options.url, this.options.logger);
    this.worker = new Worker(this.options.queueName, (job, token) => this.process(job, token), {
      connection: this.workerConnection,
      concurrency: this.options.concurrency,
    });
    this.worker.on('error', (err) => this.options.logger.warn({ err }, 'job worker error'));
    this.worker.on('failed', (job, err) => {
      if (job) this.options.logger.warn({ err, jobId: job.id, job: job.name, attempt: job.attemptsMade }, 'job attempt failed');
    });
    // Not awaited: with Redis down the worker keeps reconnecting in the background (readiness reports it).
  }

  /**
   * One BullMQ job scheduler per scheduled job, upserted by every worker: the id makes them one (each
   * tick is a job whose id holds the scheduler id and the run time, so it exists once however many
   * workers upsert or consume it). Schedulers of jobs that lost their schedule are removed. With Redis
   * down, tried again every 5 s.
   */
  private async syncSchedules(): Promise<void> {
    clearTimeout(this.scheduleRetry);
    try {
      requireReady(this.producer);
      for (const { spec, schedule } of this.scheduled.values()) {
        await this.queue.upsertJobScheduler(
          `${SCHEDULER_PREFIX}${spec.name}`,
          { pattern: schedule, tz: SCHEDULE_TIME_ZONE },
          { name: spec.name, data: {}, opts: this.jobOptions(spec) },
        );
      }
      for (const scheduler of await this.queue.getJobSchedulers(0, -1)) {
        const id = scheduler.id ?? scheduler.key;
        if (id.startsWith(SCHEDULER_PREFIX) && !this.scheduled.has(id.slice(SCHEDULER_PREFIX.length))) await this.queue.removeJobScheduler(id);
      }
    } catch (err) {
      if (this.closed) return;
      this.options.logger.warn({ err }, 'job schedules not stored yet: Redis did not answer; trying again in 5 s');
      this.scheduleRetry = setTimeout(() => void this.syncSchedules(), 5000);
    }
  }

  private jobOptions(spec: JobSpec<unknown>) {
    return {
      attempts: spec.attempts,
      backoff: { type: 'exponential', delay: Math.round(spec.backoffMs * (this.options.backoffScale ?? 1)) },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  async depth(): Promise<QueueDepth> {
    requireReady(this.producer);
    const [counts, dead, schedulers] = await Promise.all([
      this.queue.getJobCounts('wait', 'prioritized', 'active', 'delayed'),
      this.deadQueue.getJobCounts('wait'),
      this.queue.getJobSchedulers(0, -1),
    ]);
    const count = (value: number | undefined) => value ?? 0;
    // Each job scheduler keeps its next tick as a delayed job: that is a timetable, not a backlog.
    const now = Date.now();
    const upcomingTicks = schedulers.filter((scheduler) => (scheduler.next ?? 0) > now).length;
    return {
      waiting: count(counts.wait) + count(counts.prioritized),
      active: count(counts.active),
      delayed: Math.max(0, count(counts.delayed) - upcomingTicks),
      dead: count(dead.wait),
    };
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    requireReady(this.producer);
    const jobs = await this.deadQueue.getJobs(['wait'], 0, limit - 1);
    return jobs
      .map((job) => ({ name: job.name, ...(job.data as DeadLetterRecord) }))
      .sort((a, b) => b.failedAt.localeCompare(a.failedAt));
  }

  async close(graceMs = 0): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // The schedules themselves stay in Redis: they belong to the queue, and the other workers run them.
    clearTimeout(this.scheduleRetry);
    if (this.worker) await this.closeWorker(this.worker, graceMs);
    await settleWithin(Promise.all([this.queue.close(), this.deadQueue.close()]), HAND_BACK_MS);
    await Promise.all([closeConnection(this.producer), this.workerConnection && closeConnection(this.workerConnection)]);
  }

  private async closeWorker(worker: Worker, graceMs: number): Promise<void> {
    if (this.workerConnection?.status !== 'ready') {
      // Redis is down: nothing can be finished or handed back now. BullMQ re-runs the jobs this worker
      // held once their lock expires (stalled jobs), so let go at once.
      this.shutdown.abort();
      await settleWithin(worker.close(true), 1000);
      return;
    }
    // Stops fetching at once; resolves when the running jobs are done.
    const closing = worker.close();
    if ((await settleWithin(closing, graceMs)) === 'settled') return;
    // Running handlers see their signal fire; each job goes back to the queue for the next worker.
    this.shutdown.abort();
    if ((await settleWithin(closing, HAND_BACK_MS)) === 'timeout') await settleWithin(worker.close(true), 1000);
  }

  private async process(job: Job, token: string | undefined): Promise<void> {
    const consumer = this.consumers.get(job.name);
    const jobId = job.id ?? '';
    const attempt = job.attemptsMade + 1;
    const outcome: AttemptOutcome = consumer
      ? await runAttempt(consumer, { jobId, data: job.data, attempt }, this.shutdown.signal)
      : { status: 'failed', error: new UnknownJobError(job.name) };
    if (outcome.status === 'completed') return;
    if (outcome.status === 'handed-back') {
      // Back to waiting without counting the attempt; WaitingError tells BullMQ it was moved on purpose.
      await job.moveToWait(token);
      throw new WaitingError();
    }
    if (attempt >= (job.opts.attempts ?? 1)) {
      const record: DeadLetterRecord = { jobId, data: job.data, attempts: attempt, error: describeError(outcome.error), failedAt: new Date().toISOString() };
      // Copied before the job fails for good, so a crash in between cannot lose it; the id (unique per
      // enqueued job) makes a repeated copy harmless.
      await this.deadQueue.add(job.name, record, { jobId: `${jobId}/${job.timestamp}` });
      this.options.logger.error({ err: outcome.error, jobId, job: job.name, attempt }, 'job failed on its last attempt; moved to the dead-letter queue');
    }
    throw outcome.error;
  }
}

/** QUIT (pending replies arrive first) when connected; otherwise drop the connection and its retries. */
async function closeConnection(client: Redis): Promise<void> {
  if (client.status === 'ready' && (await settleWithin(client.quit(), 1000)) === 'settled') return;
  client.disconnect();
}

function settleWithin(promise: Promise<unknown>, ms: number): Promise<'settled' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const settled = promise.then(
    () => 'settled' as const,
    () => 'settled' as const,
  );
  return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}
