import type { PasswordHasher } from '../lib/auth/passwords.js';
import type { EventPublisher } from '../lib/events.js';
import type { CredentialsRepository } from '../types/auth.js';
import type { User, UsersRepository } from '../types/user.js';
import { ForbiddenError, InvalidCredentialsError } from '../utils/auth-errors.js';
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
}

export interface Registration {
  email: string;
  password: string;
  name: string;
}

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

  /** `previousSessionId`: the session cookie the request came with, if any; it ends on success. */
  async login(email: string, password: string, previousSessionId?: string): Promise<LoggedIn> {
    const { credentials, passwords, lockout, sessions, users } = this.deps;
    const address = normalizeEmail(email);
    await lockout.assertNotLocked(address);

    const account = await credentials.findByEmail(address);
    const hash = account?.passwordHash ?? null;
    const valid = hash === null ? await this.failAsSlowly(password) : await passwords.verify(hash, password);
    if (!account || hash === null || !valid) {
      await lockout.recordFailure(address);
      throw new InvalidCredentialsError();
    }
    await lockout.clear(address);
    if (account.status !== 'active') throw new ForbiddenError('This account is suspended');

    if (passwords.needsRehash(hash)) await credentials.setPasswordHash(account.id, await passwords.hash(password));
    if (previousSessionId !== undefined) await sessions.end(previousSessionId);
    const session = await sessions.start(account.id);
    const user = session === null ? null : await users.findById(account.id);
    // Deleted or suspended since the password check (a race with an admin): as if it had never been.
    if (session === null || user === null) throw new InvalidCredentialsError();
    return { user, session };
  }

  /** Ends the session; unknown ids are ignored: no oracle. */
  async logout(sessionId: string): Promise<void> {
    await this.deps.sessions.end(sessionId);
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
