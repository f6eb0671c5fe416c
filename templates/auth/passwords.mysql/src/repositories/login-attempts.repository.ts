import { eq, sql } from 'drizzle-orm';
import { loginAttempts } from '../db/auth-schema.js';
import type { Db } from '../lib/database.js';
import type { LoginAttemptsRepository } from '../types/auth.js';
import { withDatabase } from './mysql-errors.js';

/** Failed-login counters per email (known or not); the lockout policy lives in the service. */
export class DrizzleLoginAttemptsRepository implements LoginAttemptsRepository {
  constructor(private readonly db: Db) {}

  async lockedUntil(email: string): Promise<Date | null> {
    const [row] = await withDatabase(() =>
      this.db.select({ lockedUntil: loginAttempts.lockedUntil }).from(loginAttempts).where(eq(loginAttempts.email, email)).limit(1),
    );
    return row?.lockedUntil ?? null;
  }

  async recordFailure(email: string, now: Date, windowStart: Date): Promise<number> {
    // One atomic upsert, so concurrent failures are all counted; it keeps the row locked until COMMIT,
    // so the count read back is this failure's, not one a concurrent failure added after it.
    const row = await withDatabase(() =>
      this.db.transaction(async (tx) => {
        await tx
          .insert(loginAttempts)
          .values({ email, failedCount: 1, lastFailedAt: now })
          .onDuplicateKeyUpdate({
            // MySQL applies these left to right, each seeing the ones before: failed_count must come first,
            // while last_failed_at still holds the previous failure's time.
            set: {
              failedCount: sql`case when ${loginAttempts.lastFailedAt} < ${sql.param(windowStart, loginAttempts.lastFailedAt)} then 1 else ${loginAttempts.failedCount} + 1 end`,
              lastFailedAt: now,
            },
          });
        const [counted] = await tx
          .select({ failedCount: loginAttempts.failedCount })
          .from(loginAttempts)
          .where(eq(loginAttempts.email, email))
          .limit(1);
        return counted;
      }),
    );
    return row?.failedCount ?? 1;
  }

  async lock(email: string, until: Date): Promise<void> {
    // The count restarts, so the next lock needs another full series of failures.
    await withDatabase(() => this.db.update(loginAttempts).set({ lockedUntil: until, failedCount: 0 }).where(eq(loginAttempts.email, email)));
  }

  async clear(email: string): Promise<void> {
    await withDatabase(() => this.db.delete(loginAttempts).where(eq(loginAttempts.email, email)));
  }
}
