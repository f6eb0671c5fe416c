import type { NewUser, User, UserRole, UserStatus } from './user.js';

/** The authentication domain: its values and the ports its repositories implement. */

/** Millisecond clock; injectable so tests can move time (expiry, lockout) without sleeping. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The columns login needs; never leaves the service layer (the hash must not reach a response). */
export interface Account {
  readonly id: string;
  readonly role: UserRole;
  readonly status: UserStatus;
  readonly passwordHash: string | null;
}

export interface CredentialsRepository {
  findByEmail(email: string): Promise<Account | null>;
  findById(id: string): Promise<Account | null>;
  /** Inserts the user and its password hash in one transaction; ConflictError on a taken email. */
  createWithPassword(user: NewUser, passwordHash: string): Promise<User>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
}

export interface PasswordResetsRepository {
  create(reset: { userId: string; tokenHash: string; expiresAt: Date }): Promise<void>;
  /**
   * In one transaction: marks the unused, unexpired token as used, stores the new password hash,
   * forgets failed logins, ends every login of the user (revokeLogins) and its other reset tokens.
   * Returns the user id, or null when the token is unknown, used or expired.
   */
  consume(tokenHash: string, passwordHash: string, now: Date): Promise<string | null>;
}

export interface LoginAttemptsRepository {
  /** When the email is locked out until (null when it is not). */
  lockedUntil(email: string): Promise<Date | null>;
  /** Counts a failure, restarting the count when the previous one is older than `windowStart`. */
  recordFailure(email: string, now: Date, windowStart: Date): Promise<number>;
  lock(email: string, until: Date): Promise<void>;
  clear(email: string): Promise<void>;
}
