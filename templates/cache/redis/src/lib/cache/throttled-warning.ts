import type { AppLogger } from '../logger.js';

/**
 * A warning that is logged at most once per interval. While Redis is down every request fails to read
 * the cache; one line per request would bury the logs, so the first failure is logged at once and the
 * rest are counted into the next line (`suppressed`).
 */
export class ThrottledWarning {
  private lastLoggedAt = Number.NEGATIVE_INFINITY;
  private suppressed = 0;

  constructor(
    private readonly logger: AppLogger,
    private readonly intervalMs: number,
    /** Millisecond clock; injectable so tests can move time without sleeping. */
    private readonly clock: { now(): number } = Date,
  ) {}

  warn(fields: Record<string, unknown>, message: string): void {
    const now = this.clock.now();
    if (now - this.lastLoggedAt < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    this.logger.warn({ ...fields, suppressed: this.suppressed }, message);
    this.lastLoggedAt = now;
    this.suppressed = 0;
  }

  /** After a recovery, the next failure is news again: log it at once. */
  reset(): void {
    this.lastLoggedAt = Number.NEGATIVE_INFINITY;
    this.suppressed = 0;
  }
}
