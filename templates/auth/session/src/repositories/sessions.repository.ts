import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { users } from '../db/schema.js';
import { sessions } from '../db/session-schema.js';
import type { Db } from '../lib/database.js';
import type { LiveSession, NewSession, SessionsRepository, SessionUser } from '../types/session.js';
import { withSecretParams } from './secret-safe.js';

/** Server-side sessions, looked up by the hash of their id. */
export class DrizzleSessionsRepository implements SessionsRepository {
  constructor(private readonly db: Db) {}

  async createForActiveUser(session: NewSession): Promise<SessionUser | null> {
    const [row] = await withSecretParams(() =>
      this.db
        .insert(sessions)
        .select((qb) =>
          qb
            // Every column, in table order: Drizzle's INSERT … SELECT maps them by position.
            .select({
              tokenHash: sql<string>`${session.tokenHash}`.as('token_hash'),
              userId: users.id,
              role: users.role,
              createdAt: sql<Date>`now()`.as('created_at'),
              expiresAt: sql<Date>`${session.expiresAt.toISOString()}::timestamptz`.as('expires_at'),
              absoluteExpiresAt: sql<Date>`${session.absoluteExpiresAt.toISOString()}::timestamptz`.as('absolute_expires_at'),
            })
            .from(users)
            // FOR SHARE: a concurrent DELETE or UPDATE of this user waits for the insert, then its
            // trigger (migrations/0003_sessions) sees the new session and ends it.
            .where(and(eq(users.id, session.userId), eq(users.status, 'active')))
            .for('share'),
        )
        .returning({ id: sessions.userId, role: sessions.role }),
    );
    return row ?? null;
  }

  async findLive(tokenHash: string, now: Date): Promise<LiveSession | null> {
    const [row] = await withSecretParams(() =>
      this.db
        .select({ userId: sessions.userId, role: sessions.role, expiresAt: sessions.expiresAt, absoluteExpiresAt: sessions.absoluteExpiresAt })
        .from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
        .limit(1),
    );
    return row ?? null;
  }

  async extend(tokenHash: string, expiresAt: Date): Promise<void> {
    await withSecretParams(() => this.db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash)));
  }

  async delete(tokenHash: string): Promise<void> {
    await withSecretParams(() => this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)));
  }

  async deleteEnded(now: Date): Promise<void> {
    await this.db.delete(sessions).where(lte(sessions.expiresAt, now));
  }
}
