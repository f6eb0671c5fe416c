import { randomUUID } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { AppLogger } from '../logger.js';
import { SCHEDULE_TIME_ZONE } from './cron.js';
import type { Consumer, DeadLetter, EnqueueOptions, JobQueue, JobSpec, QueueDepth } from './jobs.js';
import { findByKey, handBack, listDeadLetters, lockKey, PG_BOSS_SCHEMA, queueDepth, type Envelope } from './pg-boss-queries.js';
import { jobPayload, registerConsumers, runAttempt, UnknownJobError } from './run-attempt.js';
import { retryOnDeadlock } from './retry-deadlock.js';

/**
 * pg-boss in PostgreSQL: one queue per app (`<name>`), every job type in it by name, and pg-boss's own
 * dead-letter queue `<name>-dead`, where a job lands after its last retry (with its error as output).
 * Retries use pg-boss's retryLimit/retryDelay/retryBackoff: delays count in whole seconds and carry
 * jitter (between the delay and twice it). Jobs are enqueued in the same database the app uses.
 */

export interface PgBossJobQueueOptions {
  url: string;
  queueName: string;
  logger: AppLogger;
  concurrency: number;
  backoffScale?: number;
  /** How often an idle worker looks for jobs (pg-boss polls; at least 500 ms). */
  pollIntervalMs: number;
  /** How often pg-boss checks the schedules (1 to 45 s; its default, 30 s, in the app; tests use 1). */
  scheduleCheckSeconds?: number;
}

/** The queue of one scheduled job: pg-boss keeps one schedule per queue, so each scheduled job gets its own. */
export function scheduleQueueName(queueName: string, jobName: string): string {
  return `${queueName}.cron.${jobName}`;
}

export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  readonly runsInProcess = false;

  private readonly pool: pg.Pool;
  private readonly boss: PgBoss;
  private readonly deadQueue: string;
  private readonly consumers = new Map<string, Consumer>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly shutdown = new AbortController();
  private readonly workerIds: string[] = [];
  private readonly scheduled = new Map<string, Consumer>();
  private starting: Promise<void> | undefined;
  private workersRequested = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: PgBossJobQueueOptions) {
    this.deadQueue = `${options.queueName}-dead`;
    // One small pool shared by pg-boss and the queries it has no API for.
    this.pool = new pg.Pool({ connectionString: options.url, max: options.concurrency + 2, connectionTimeoutMillis: 5000 });
    this.pool.on('error', (err) => options.logger.warn({ err }, 'idle job queue connection lost'));
    // schedule: pg-boss's timekeeper runs in every process that starts it; its per-minute singleton
    // makes each tick one job across all of them.
    const checkSeconds = options.scheduleCheckSeconds;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => this.pool.query(text, values) },
      schema: PG_BOSS_SCHEMA,
      schedule: true,
      ...(checkSeconds === undefined ? {} : { cronMonitorIntervalSeconds: checkSeconds, cronWorkerIntervalSeconds: checkSeconds }),
    });
    this.boss.on('error', (err) => options.logger.warn({ err }, 'pg-boss error'));
  }

  /** Installs pg-boss's schema and this app's queues once; retried on the next call if the database was down. */
  started(): Promise<void> {
    this.starting ??= (async () => {
      await retryOnDeadlock(() => this.boss.start());
      await retryOnDeadlock(() => this.boss.createQueue(this.deadQueue));
      await retryOnDeadlock(() => this.boss.createQueue(this.options.queueName, { name: this.options.queueName, deadLetter: this.deadQueue }));
    })().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  async enqueue<T>(spec: JobSpec<T>, data: T, options: EnqueueOptions = {}): Promise<string> {
    if (this.closed) throw new Error('the job queue is closed');
    const id = randomUUID();
    const envelope: Envelope = { id, name: spec.name, data: jobPayload(spec, data) };
    await this.started();
    const send = (db?: PgBoss.Db) =>
      this.boss.send(this.options.queueName, envelope, {
        id,
        ...this.retryOptions(spec),
        ...(options.delayMs === undefined ? {} : { startAfter: new Date(Date.now() + options.delayMs) }),
        ...(options.key === undefined ? {} : { singletonKey: `${spec.name}/${options.key}` }),
        ...(db === undefined ? {} : { db }),
      });

    if (options.key === undefined) await send();
    else {
      const existing = await this.sendOnce(`${spec.name}/${options.key}`, send);
      if (existing !== undefined) return existing;
    }
    for (const id of this.workerIds) this.boss.notifyWorker(id);
    return id;
  }

  async work(consumers: readonly Consumer[]): Promise<void> {
    registerConsumers(this.consumers, consumers, this.closed);
    for (const consumer of consumers) if (consumer.schedule !== undefined) this.scheduled.set(consumer.spec.name, consumer);
    if (this.workersRequested) {
      if (this.workerIds.length > 0) await this.startSchedules(consumers);
      return;
    }
    this.workersRequested = true;
    await this.startWorkers();
  }

  /** Starts pg-boss's workers once the database answers; until then tries again every few seconds. */
  private async startWorkers(): Promise<void> {
    try {
      await this.started();
    } catch (err) {
      if (this.closed) return;
      this.options.logger.warn({ err }, 'job worker waiting for PostgreSQL');
      this.retryTimer = setTimeout(() => void this.startWorkers(), 2000);
      return;
    }
    if (this.closed) return;
    // pg-boss runs one job per worker at a time: as many workers as jobs may run at once.
    const options = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: this.options.pollIntervalMs / 1000 };
    for (let i = 0; i < this.options.concurrency; i += 1) {
      this.workerIds.push(await this.boss.work<Envelope>(this.options.queueName, options, ([job]) => (job ? this.track(this.process(job)) : Promise.resolve())));
    }
    await this.startSchedules([...this.scheduled.values()]);
  }

  /**
   * pg-boss schedules (one queue each, upserted by every worker, so the last deploy's cron wins) and a
   * worker on each schedule's queue; schedules of jobs that lost theirs are removed. pg-boss checks them
   * every 30 s and sends each at most once a minute across all workers (a singleton per minute).
   */
  private async startSchedules(consumers: readonly Consumer[]): Promise<void> {
    const options = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: this.options.pollIntervalMs / 1000 };
    for (const { spec, schedule } of consumers) {
      if (schedule === undefined) continue;
      const queue = scheduleQueueName(this.options.queueName, spec.name);
      await retryOnDeadlock(() => this.boss.createQueue(queue, { name: queue, deadLetter: this.deadQueue }));
      const data: Omit<Envelope, 'id'> = { name: spec.name, data: {} };
      await this.boss.schedule(queue, schedule, data, { tz: SCHEDULE_TIME_ZONE, ...this.retryOptions(spec) });
      this.workerIds.push(await this.boss.work<Envelope>(queue, options, ([job]) => (job ? this.track(this.process(job)) : Promise.resolve())));
    }
    const prefix = scheduleQueueName(this.options.queueName, '');
    for (const { name } of await this.boss.getSchedules()) {
      if (name.startsWith(prefix) && !this.scheduled.has(name.slice(prefix.length))) await this.boss.unschedule(name);
    }
  }

  private retryOptions(spec: JobSpec<unknown>) {
    const delaySeconds = Math.round((spec.backoffMs * (this.options.backoffScale ?? 1)) / 1000);
    return {
      retryLimit: spec.attempts - 1,
      retryDelay: delaySeconds,
      retryBackoff: delaySeconds > 0,
      // pg-boss fails a job still active after this; the handler's own timeout fires well before.
      expireInSeconds: Math.ceil(spec.timeoutMs / 1000) + 30,
    };
  }

  async depth(): Promise<QueueDepth> {
    await this.started();
    return queueDepth(this.pool, this.options.queueName, this.deadQueue);
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    await this.started();
    return listDeadLetters(this.pool, this.deadQueue, limit);
  }

  async close(graceMs = 0): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    if (this.workerIds.length > 0) {
      // Stop fetching, give running jobs the grace time, then hand the rest back (see process()).
      await Promise.all(this.workerIds.map((id) => this.boss.offWork({ id })));
      // Settled, not all: a failed job has already failed in pg-boss (process() threw for that); closing
      // only waits for it and must not throw its error.
      const finished = Promise.allSettled(this.running);
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), graceMs);
      });
      if ((await Promise.race([finished, graceOver]).finally(() => clearTimeout(timer))) === 'timeout') {
        this.shutdown.abort();
        await finished;
      }
    }
    // Nothing is running now, so pg-boss's own wait is short; it fails nothing.
    await this.boss.stop({ graceful: true, wait: true, timeout: 1000, close: false }).catch(() => {});
    await this.pool.end();
  }

  /** Inserts the job unless one with this key is waiting, delayed or running: then returns that one's id. */
  private async sendOnce(key: string, send: (db: PgBoss.Db) => Promise<string | null>): Promise<string | undefined> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await lockKey(client, this.options.queueName, key);
      const existing = await findByKey(client, this.options.queueName, key);
      if (existing === undefined) await send({ executeSql: (text, values) => client.query(text, values) });
      await client.query('COMMIT');
      return existing;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.running.add(promise);
    return promise.finally(() => this.running.delete(promise));
  }

  /** Resolving completes the job in pg-boss; throwing fails it (retry, or the dead-letter queue after the last). */
  private async process(job: PgBoss.JobWithMetadata<Envelope>): Promise<void> {
    // A scheduled run's data comes from its schedule, the same every time: its id is pg-boss's.
    const { id = job.id, name, data } = job.data;
    const consumer = this.consumers.get(name);
    const attempt = job.retryCount + 1;
    const outcome = consumer
      ? await runAttempt(consumer, { jobId: id, data, attempt }, this.shutdown.signal)
      : { status: 'failed' as const, error: new UnknownJobError(name) };
    if (outcome.status === 'completed') return;
    if (outcome.status === 'handed-back') {
      // Back to waiting, the attempt not counted; pg-boss's completion then finds it no longer active.
      await handBack(this.pool, job.name, job.id);
      return;
    }
    const log = this.options.logger.child({ jobId: id, job: name, attempt });
    if (job.retryCount >= job.retryLimit) log.error({ err: outcome.error }, 'job failed on its last attempt; moved to the dead-letter queue');
    else log.warn({ err: outcome.error }, 'job failed; it will be retried');
    throw outcome.error;
  }
}
