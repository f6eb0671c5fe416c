import { and, eq, gt, isNull } from 'drizzle-orm';
import { loginAttempts, passwordResetTokens, userCredentials } from '../db/auth-schema.js';
import { users } from '../db/schema.js';
import type { Db } from '../lib/database.js';
import type { PasswordResetsRepository } from '../types/auth.js';
import { revokeLogins } from './revoke-logins.js';
import { withSecretParams } from './secret-safe.js';

/** Password-reset tokens: stored hashed, consumed once, together with everything a reset must change. */
export class DrizzlePasswordResetsRepository implements PasswordResetsRepository {
  constructor(private readonly db: Db) {}

  async create(reset: { userId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await withSecretParams(async () => this.db.insert(passwordResetTokens).values(reset).run());
  }

  consume(tokenHash: string, passwordHash: string, now: Date): Promise<string | null> {
    // Synchronous and IMMEDIATE (the write lock from the start): nothing else, in this process or
    // another, runs between reading the token and writing everything a reset changes.
    return withSecretParams(async () =>
      this.db.transaction(
        (tx) => {
          // The conditional UPDATE is the single-use guarantee: of two concurrent resets one matches.
          const used = tx
            .update(passwordResetTokens)
            .set({ usedAt: now })
            .where(
              and(
                eq(passwordResetTokens.tokenHash, tokenHash),
                isNull(passwordResetTokens.usedAt),
                gt(passwordResetTokens.expiresAt, now),
              ),
            )
            .returning({ userId: passwordResetTokens.userId })
            .get();
          if (!used) return null;
          const { userId } = used;
          tx.update(userCredentials).set({ passwordHash }).where(eq(userCredentials.id, userId)).run();
          // Every login of the account ends, and any other reset link sent before stops working.
          revokeLogins(tx, userId, now);
          tx.update(passwordResetTokens)
            .set({ usedAt: now })
            .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)))
            .run();
          const owner = tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
          if (owner) tx.delete(loginAttempts).where(eq(loginAttempts.email, owner.email)).run();
          return userId;
        },
        { behavior: 'immediate' },
      ),
    );
  }
}
