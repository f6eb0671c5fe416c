import { and, eq, isNull, lt } from 'drizzle-orm';
import { refreshTokens } from '../db/refresh-token-schema.js';
import type { Db } from '../lib/database.js';
import type { NewRefreshToken, RefreshTokensRepository, RotationResult } from '../types/tokens.js';
import { withSecretParams } from './secret-safe.js';

/** Refresh-token families: rotation with reuse detection, revocation. Tokens are looked up by hash. */
export class DrizzleRefreshTokensRepository implements RefreshTokensRepository {
  constructor(private readonly db: Db) {}

  async create(token: NewRefreshToken): Promise<void> {
    await withSecretParams(() => this.db.insert(refreshTokens).values(token));
  }

  rotate(tokenHash: string, next: { tokenHash: string; expiresAt: Date }, now: Date): Promise<RotationResult> {
    return withSecretParams(() =>
      this.db.transaction(async (tx): Promise<RotationResult> => {
        // FOR UPDATE: two concurrent refreshes with one token queue here, and the second sees it used.
        const [current] = await tx
          .select()
          .from(refreshTokens)
          .where(eq(refreshTokens.tokenHash, tokenHash))
          .limit(1)
          .for('update');
        if (!current) return { outcome: 'invalid' };
        if (current.usedAt !== null || current.revokedAt !== null) {
          // A retired token came back: whoever holds the family's live token may be a thief. Returned,
          // not thrown, so that this revocation commits.
          await tx
            .update(refreshTokens)
            .set({ revokedAt: now })
            .where(and(eq(refreshTokens.familyId, current.familyId), isNull(refreshTokens.revokedAt)));
          return { outcome: 'reused', userId: current.userId, familyId: current.familyId };
        }
        if (current.expiresAt.getTime() <= now.getTime()) return { outcome: 'invalid' };
        await tx.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, current.id));
        await tx.insert(refreshTokens).values({ userId: current.userId, familyId: current.familyId, ...next });
        return { outcome: 'rotated', userId: current.userId, familyId: current.familyId };
      }),
    );
  }

  async revokeFamilyOf(tokenHash: string, now: Date): Promise<string | null> {
    const [token] = await withSecretParams(() =>
      this.db.select({ familyId: refreshTokens.familyId, userId: refreshTokens.userId }).from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).limit(1),
    );
    if (!token) return null;
    await this.revokeFamily(token.familyId, now);
    return token.userId;
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await withSecretParams(() =>
      this.db
        .update(refreshTokens)
        .set({ revokedAt: now })
        .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt))),
    );
  }

  /** Expired tokens are useless even for reuse detection; pruned at each login of their user. */
  async deleteExpired(userId: string, now: Date): Promise<void> {
    await withSecretParams(() =>
      this.db.delete(refreshTokens).where(and(eq(refreshTokens.userId, userId), lt(refreshTokens.expiresAt, now))),
    );
  }
}
