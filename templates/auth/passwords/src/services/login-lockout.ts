import { systemClock, type Clock, type LoginAttemptsRepository } from '../types/auth.js';
import { AccountLockedError } from '../utils/auth-errors.js';

/**
 * Account lockout: after `maxAttempts` failed logins within `lockoutMinutes`, every login to that email
 * is refused with ACCOUNT_LOCKED for `lockoutMinutes`, even with the right password. Counted per
 * email, known or not, so a lockout never reveals whether an account exists.
 */

export interface LockoutOptions {
  maxAttempts: number;
  lockoutMinutes: number;
  clock?: Clock;
}

export class LoginLockout {
  private readonly clock: Clock;
  private readonly windowMs: number;

  constructor(
    private readonly attempts: LoginAttemptsRepository,
    private readonly options: LockoutOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.windowMs = options.lockoutMinutes * 60_000;
  }

  /** Throws AccountLockedError, whose retryAfterSeconds is the time left, rounded up. */
  async assertNotLocked(email: string): Promise<void> {
    const until = await this.attempts.lockedUntil(email);
    const now = this.clock.now();
    if (until !== null && until.getTime() > now) {
      throw new AccountLockedError(Math.ceil((until.getTime() - now) / 1000));
    }
  }

  /** True when this failure locked the email (the audit trail reports the lockout when it starts). */
  async recordFailure(email: string): Promise<boolean> {
    const now = this.clock.now();
    const failures = await this.attempts.recordFailure(email, new Date(now), new Date(now - this.windowMs));
    if (failures < this.options.maxAttempts) return false;
    await this.attempts.lock(email, new Date(now + this.windowMs));
    return true;
  }

  clear(email: string): Promise<void> {
    return this.attempts.clear(email);
  }
}
