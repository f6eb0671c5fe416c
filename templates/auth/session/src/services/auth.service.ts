import type { AuditLog, AuditOrigin } from '../lib/audit.js';
import type { PasswordHasher } from '../lib/auth/passwords.js';
import { hashSecretToken } from '../lib/auth/secret-tokens.js';
import type { EventPublisher } from '../lib/events.js';
import type { CredentialsRepository } from '../types/auth.js';
import type { User, UsersRepository } from '../types/user.js';
import { ForbiddenError, InvalidCredentialsError } from '../utils/auth-errors.js';
import { loginAudit } from './login-audit.js';
import type { LoginLockout } from './login-lockout.js';
import type { SessionsService, StartedSession } from './sessions.service.js';
import { normalizeEmail } from './users.service.js';

/**
 * Registration, login and logout (--auth session). No HTTP, no SQL: ports in, typed errors out. Every
 * login starts a brand-new session and ends the one the client came with, so a session id planted in
 * a browser before login (session fixation) never becomes a logged-in session.
 */

export interface AuthServiceDeps {
  credentials: CredentialsRepository;
  users: Pick<UsersRepository, 'findById'>;
  sessions: SessionsService;
  passwords: PasswordHasher;
  lockout: LoginLockout;
  /** `register` publishes `user.created`, as UsersService does for users an admin creates. */
  events: EventPublisher;
  audit: AuditLog;
}

export interface Registration {
  email: string;
  password: string;
  name: string;
}

/** The session cookie a request came with. */
export interface PresentedSession {
  readonly id: string;
  /** Its user when the session is live (the authentication hook knows), else null. */
  readonly userId: string | null;
}

/**
 * How the audit trail names a session: the start of the hash the database keeps, so an operator can
 * find its row, while the id itself, the cookie value, never reaches a log.
 */
export const sessionHandle = (id: string) => hashSecretToken(id).slice(0, 16);

export interface LoggedIn {
  user: User;
  session: StartedSession;
}

export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  /** Self-registration always creates a plain `user`; only an admin can grant `admin`. */
  async register({ email, password, name }: Registration): Promise<User> {
    const passwordHash = await this.deps.passwords.hash(password);
    const user = await this.deps.credentials.createWithPassword({ email: normalizeEmail(email), name, role: 'user' }, passwordHash);
    // After the insert committed: subscribers (the welcome email, webhooks) see every new user.
    await this.deps.events.publish('user.created', { user });
    return user;
  }

  /** `previous`: the session cookie the request came with, if any; it ends on success. */
  async login(email: string, password: string, origin: AuditOrigin, previous?: PresentedSession): Promise<LoggedIn> {
    const { credentials, passwords, lockout, sessions, users } = this.deps;
    const address = normalizeEmail(email);
    const audit = loginAudit(this.deps.audit, origin, address);
    await audit.unlessLocked(() => lockout.assertNotLocked(address));

    const account = await credentials.findByEmail(address);
    const hash = account?.passwordHash ?? null;
    const valid = hash === null ? await this.failAsSlowly(password) : await passwords.verify(hash, password);
    if (!account || hash === null || !valid) {
      audit.invalidCredentials(await lockout.recordFailure(address));
      throw new InvalidCredentialsError();
    }
    await lockout.clear(address);
    if (account.status !== 'active') {
      // The answer already says so (after the right password): the trail may name the account.
      audit.failed('suspended', account.id);
      throw new ForbiddenError('This account is suspended');
    }

    if (passwords.needsRehash(hash)) await credentials.setPasswordHash(account.id, await passwords.hash(password));
    if (previous !== undefined) await this.end(previous, origin, account.id, 'replaced');
    const session = await sessions.start(account.id);
    const user = session === null ? null : await users.findById(account.id);
    // Deleted or suspended since the password check (a race with an admin): as if it had never been.
    if (session === null || user === null) {
      audit.failed('inactive', account.id);
      throw new InvalidCredentialsError();
    }
    audit.succeeded(account.id);
    this.deps.audit.record(origin, {
      event: 'auth.session.created',
      actor: account.id,
      target: account.id,
      outcome: 'success',
      details: { session: sessionHandle(session.id) },
    });
    return { user, session };
  }

  /** Ends the session; unknown ids are ignored: no oracle. */
  async logout(session: PresentedSession, origin: AuditOrigin): Promise<void> {
    await this.end(session, origin, session.userId, 'logout');
    if (session.userId !== null) {
      this.deps.audit.record(origin, { event: 'auth.logout', actor: session.userId, target: session.userId, outcome: 'success' });
    }
  }

  /** Only a live session's end is an event: a stale or forged cookie ended nothing. */
  private async end(session: PresentedSession, origin: AuditOrigin, actor: string | null, reason: string): Promise<void> {
    await this.deps.sessions.end(session.id);
    if (session.userId === null) return;
    this.deps.audit.record(origin, {
      event: 'auth.session.revoked',
      actor,
      target: session.userId,
      outcome: 'success',
      details: { session: sessionHandle(session.id), reason },
    });
  }

  /**
   * No account, or one without a password yet: spend the time a real check takes, so neither the
   * answer nor its timing tells an unknown email from a wrong password.
   */
  private async failAsSlowly(password: string): Promise<false> {
    await this.deps.passwords.verifyDummy(password);
    return false;
  }
}
