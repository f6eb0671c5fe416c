import { eq, sql } from 'drizzle-orm';
import { loginAttempts } from '../db/auth-schema.js';
import type { Db } from '../lib/database.js';
import type { LoginAttemptsRepository } from '../types/auth.js';
import { withDatabase } from './sqlite-errors.js';

/** Failed-login counters per email (known or not); the lockout policy lives in the service. */
export class DrizzleLoginAttemptsRepository implements LoginAttemptsRepository {
  constructor(private readonly db: Db) {}

  async lockedUntil(email: string): Promise<Date | null> {
    const row = await withDatabase(() =>
      this.db.select({ lockedUntil: loginAttempts.lockedUntil }).from(loginAttempts).where(eq(loginAttempts.email, email)).get(),
    );
    return row?.lockedUntil ?? null;
  }

  async recordFailure(email: string, now: Date, windowStart: Date): Promise<number> {
    // One atomic upsert, so concurrent failures (from other processes too) are all counted.
    const row = await withDatabase(() =>
      this.db
        .insert(loginAttempts)
        .values({ email, failedCount: 1, lastFailedAt: now })
        .onConflictDoUpdate({
          target: loginAttempts.email,
          set: {
            failedCount: sql`case when ${loginAttempts.lastFailedAt} < ${sql.param(windowStart, loginAttempts.lastFailedAt)} then 1 else ${loginAttempts.failedCount} + 1 end`,
            lastFailedAt: now,
          },
        })
        .returning({ failedCount: loginAttempts.failedCount })
        .get(),
    );
    return row?.failedCount ?? 1;
  }

  async lock(email: string, until: Date): Promise<void> {
    // The count restarts, so the next lock needs another full series of failures.
    await withDatabase(() => this.db.update(loginAttempts).set({ lockedUntil: until, failedCount: 0 }).where(eq(loginAttempts.email, email)).run());
  }

  async clear(email: string): Promise<void> {
    await withDatabase(() => this.db.delete(loginAttempts).where(eq(loginAttempts.email, email)).run());
  }
}
