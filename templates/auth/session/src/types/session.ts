import type { UserRole } from './user.js';

/** Server-side sessions (--auth session): their values and the port their repository implements. */

/** Who a session was started for; the database ends the session when this stops being true. */
export interface SessionUser {
  readonly id: string;
  readonly role: UserRole;
}

export interface NewSession {
  /** Hex SHA-256 of the session id; the id itself only ever exists in the cookie. */
  tokenHash: string;
  userId: string;
  expiresAt: Date;
  absoluteExpiresAt: Date;
}

export interface LiveSession {
  readonly userId: string;
  readonly role: UserRole;
  readonly expiresAt: Date;
  readonly absoluteExpiresAt: Date;
}

export interface SessionsRepository {
  /**
   * Stores the session with the user's current role, if the user exists and is active; null otherwise.
   * Atomic with respect to a concurrent deletion or role or status change of the user: either that
   * change comes first and no session is made, or it waits and then its trigger ends the session.
   */
  createForActiveUser(session: NewSession): Promise<SessionUser | null>;
  /** The session with this hash if it has not ended by `now`. */
  findLive(tokenHash: string, now: Date): Promise<LiveSession | null>;
  /** Moves the end of an idle-limited session (never past its absolute end). */
  extend(tokenHash: string, expiresAt: Date): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Removes every session that has ended, whoever it belongs to. */
  deleteEnded(now: Date): Promise<void>;
}
