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
    await withSecretParams(() => this.db.insert(passwordResetTokens).values(reset));
  }

  consume(tokenHash: string, passwordHash: string, now: Date): Promise<string | null> {
    return withSecretParams(() =>
      this.db.transaction(async (tx) => {
        // The conditional UPDATE is the single-use guarantee: a concurrent reset waits for this row's lock,
        // then finds used_at set and matches nothing. (No RETURNING: the owner is read after.)
        const [used] = await tx
          .update(passwordResetTokens)
          .set({ usedAt: now })
          .where(
            and(
              eq(passwordResetTokens.tokenHash, tokenHash),
              isNull(passwordResetTokens.usedAt),
              gt(passwordResetTokens.expiresAt, now),
            ),
          );
        if (used.affectedRows === 0) return null;
        const [token] = await tx
          .select({ userId: passwordResetTokens.userId })
          .from(passwordResetTokens)
          .where(eq(passwordResetTokens.tokenHash, tokenHash))
          .limit(1);
        if (!token) return null;
        const { userId } = token;
        await tx.update(userCredentials).set({ passwordHash }).where(eq(userCredentials.id, userId));
        // Every login of the account ends, and any other reset link sent before stops working.
        await revokeLogins(tx, userId, now);
        await tx
          .update(passwordResetTokens)
          .set({ usedAt: now })
          .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
        const [owner] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
        if (owner) await tx.delete(loginAttempts).where(eq(loginAttempts.email, owner.email));
        return userId;
      }),
    );
  }
}
