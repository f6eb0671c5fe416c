import { and, eq, isNull } from 'drizzle-orm';
import { refreshTokens } from '../db/refresh-token-schema.js';
import type { Db } from '../lib/database.js';

/**
 * Ends every login of a user (jwt: revokes its refresh tokens); each auth mode ships its own version.
 * Synchronous, so it can run inside a better-sqlite3 transaction (a password reset).
 */
export function revokeLogins(db: Db, userId: string, now: Date): void {
  db.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt))).run();
}
