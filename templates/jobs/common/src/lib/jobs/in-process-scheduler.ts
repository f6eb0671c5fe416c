import type { AppLogger } from '../logger.js';
import { nextRun } from './cron.js';
import type { Consumer, JobSpec } from './jobs.js';

/**
 * Schedules for the in-process adapter: a timer per scheduled job in this process. Several API
 * instances each have these timers, so every run is first claimed in the database (a row per job and
 * run time, see schedule-lease.ts): the instance whose insert wins enqueues it, the others skip it.
 */

/** Claims one run of one scheduled job; true for exactly one caller per (name, runAt). */
export interface ScheduleLease {
  claim(name: string, runAt: Date): Promise<boolean>;
}

/** Longest delay setTimeout accepts (about 24.8 days); a later run is reached in several hops. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface InProcessSchedulerOptions {
  logger: AppLogger;
  /** Without one, every tick runs here: right for one process, duplicated across several. */
  lease?: ScheduleLease | undefined;
  enqueue: (spec: JobSpec<unknown>, runAt: Date) => Promise<unknown>;
}

export class InProcessScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly options: InProcessSchedulerOptions) {}

  start(consumers: readonly Consumer[]): void {
    for (const consumer of consumers) {
      if (consumer.schedule === undefined || this.timers.has(consumer.spec.name) || this.stopped) continue;
      this.plan(consumer.spec, consumer.schedule, nextRun(consumer.schedule, new Date()));
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private plan(spec: JobSpec<unknown>, schedule: string, runAt: Date): void {
    const wait = runAt.getTime() - Date.now();
    const timer = setTimeout(() => {
      if (wait > MAX_TIMER_MS) return this.plan(spec, schedule, runAt);
      // The next run counts from this one (or from now, after a pause of the process), never repeats it.
      this.plan(spec, schedule, nextRun(schedule, new Date(Math.max(Date.now(), runAt.getTime()))));
      void this.fire(spec, runAt);
    }, Math.min(Math.max(wait, 0), MAX_TIMER_MS));
    // A pending schedule alone does not keep the process alive (tests, scripts).
    timer.unref();
    this.timers.set(spec.name, timer);
  }

  private async fire(spec: JobSpec<unknown>, runAt: Date): Promise<void> {
    if (this.stopped) return;
    const log = this.options.logger.child({ job: spec.name, runAt: runAt.toISOString() });
    try {
      if (this.options.lease && !(await this.options.lease.claim(spec.name, runAt))) {
        log.debug('scheduled run already claimed by another instance');
        return;
      }
      if (this.stopped) return;
      await this.options.enqueue(spec, runAt);
    } catch (err) {
      // The run is skipped, the next one comes on time; the job must tolerate a missed run.
      log.warn({ err }, 'scheduled job run skipped: it could not be claimed or enqueued');
    }
  }
}
