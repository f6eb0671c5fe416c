import type { CsrfTokens } from '../lib/auth/csrf.js';
import { hashSecretToken, newSecretToken } from '../lib/auth/secret-tokens.js';
import { systemClock, type Clock } from '../types/auth.js';
import type { SessionsRepository, SessionUser } from '../types/session.js';

/**
 * Server-side sessions (--auth session). A session id is 256 bits from the CSPRNG; it exists only in
 * the client's cookie, the database keeps its SHA-256. A session ends SESSION_TTL after login at the
 * latest and, with SESSION_IDLE_TIMEOUT, that long after its last request; the database also ends it
 * when its user is deleted or changes role or status (migrations/0003_sessions).
 */

export interface SessionsOptions {
  ttlSeconds: number;
  /** 0: no idle timeout. */
  idleTimeoutSeconds: number;
  csrf: CsrfTokens;
  clock?: Clock;
}

export interface StartedSession {
  /** The cookie value; never stored, never logged. */
  readonly id: string;
  readonly csrfToken: string;
  readonly user: SessionUser;
}

/** What the authentication hook learns from a valid cookie. */
export interface AuthenticatedSession {
  readonly user: SessionUser;
  readonly csrfToken: string;
}

// Shape of newSecretToken(): 32 bytes in base64url. Anything else is refused without a query.
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export class SessionsService {
  private readonly clock: Clock;
  /**
   * An idle-limited session's end is pushed forward at most this often (ms), so that a busy client
   * does not write its session row at every request; the idle timeout is exact to within this step.
   */
  private readonly extendStepMs: number;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly options: SessionsOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.extendStepMs = Math.min(60_000, Math.ceil((options.idleTimeoutSeconds * 1000) / 10));
  }

  /**
   * A brand-new session for an active user, with the role the user has now; null when the user no
   * longer exists or is not active. Sessions that have ended, anyone's, are pruned on the way.
   */
  async start(userId: string): Promise<StartedSession | null> {
    const now = this.clock.now();
    await this.sessions.deleteEnded(new Date(now));
    const id = newSecretToken();
    const absoluteExpiresAt = now + this.options.ttlSeconds * 1000;
    const user = await this.sessions.createForActiveUser({
      tokenHash: hashSecretToken(id),
      userId,
      expiresAt: new Date(this.idleEnd(now, absoluteExpiresAt)),
      absoluteExpiresAt: new Date(absoluteExpiresAt),
    });
    return user === null ? null : { id, csrfToken: this.options.csrf.issue(id), user };
  }

  /** The session's user, or null when the id is malformed, unknown or its session has ended. */
  async authenticate(id: string): Promise<AuthenticatedSession | null> {
    if (!SESSION_ID.test(id)) return null;
    const now = this.clock.now();
    const tokenHash = hashSecretToken(id);
    const session = await this.sessions.findLive(tokenHash, new Date(now));
    if (session === null) return null;
    if (this.options.idleTimeoutSeconds > 0) {
      const next = this.idleEnd(now, session.absoluteExpiresAt.getTime());
      if (next - session.expiresAt.getTime() >= this.extendStepMs) await this.sessions.extend(tokenHash, new Date(next));
    }
    return { user: { id: session.userId, role: session.role }, csrfToken: this.options.csrf.issue(id) };
  }

  /** Ends the session; an unknown or malformed id is ignored (logout answers the same either way). */
  async end(id: string): Promise<void> {
    if (SESSION_ID.test(id)) await this.sessions.delete(hashSecretToken(id));
  }

  private idleEnd(now: number, absoluteEnd: number): number {
    const idle = this.options.idleTimeoutSeconds;
    return idle > 0 ? Math.min(absoluteEnd, now + idle * 1000) : absoluteEnd;
  }
}
