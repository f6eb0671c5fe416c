import { randomUUID } from 'node:crypto';
import type { AuditLog, AuditOrigin } from '../lib/audit.js';
import type { AccessTokens } from '../lib/auth/access-tokens.js';
import type { PasswordHasher } from '../lib/auth/passwords.js';
import { hashSecretToken, newSecretToken } from '../lib/auth/secret-tokens.js';
import type { EventPublisher } from '../lib/events.js';
import { systemClock, type Account, type Clock, type CredentialsRepository } from '../types/auth.js';
import type { RefreshTokensRepository, TokenPair } from '../types/tokens.js';
import type { User } from '../types/user.js';
import { ForbiddenError, InvalidCredentialsError, UnauthorizedError } from '../utils/auth-errors.js';
import { loginAudit } from './login-audit.js';
import type { LoginLockout } from './login-lockout.js';
import { normalizeEmail } from './users.service.js';

/**
 * Registration, login, refresh-token rotation and logout (--auth jwt). No HTTP, no SQL: ports in,
 * typed errors out. Each login starts a refresh-token family; every refresh retires the presented
 * token and issues the next one in the same family.
 */

export interface AuthServiceDeps {
  credentials: CredentialsRepository;
  refreshTokens: RefreshTokensRepository;
  passwords: PasswordHasher;
  accessTokens: AccessTokens;
  lockout: LoginLockout;
  /** `register` publishes `user.created`, as UsersService does for users an admin creates. */
  events: EventPublisher;
  audit: AuditLog;
  refreshTtlSeconds: number;
  clock?: Clock;
}

export interface Registration {
  email: string;
  password: string;
  name: string;
}

const REFRESH_REFUSED = 'Refresh token is invalid, expired or revoked';

export class AuthService {
  private readonly clock: Clock;

  constructor(private readonly deps: AuthServiceDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  /** Self-registration always creates a plain `user`; only an admin can grant `admin`. */
  async register({ email, password, name }: Registration): Promise<User> {
    const passwordHash = await this.deps.passwords.hash(password);
    const user = await this.deps.credentials.createWithPassword({ email: normalizeEmail(email), name, role: 'user' }, passwordHash);
    // After the insert committed: subscribers (the welcome email, webhooks) see every new user.
    await this.deps.events.publish('user.created', { user });
    return user;
  }

  async login(email: string, password: string, origin: AuditOrigin): Promise<TokenPair> {
    const { credentials, passwords, lockout, refreshTokens } = this.deps;
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
    await refreshTokens.deleteExpired(account.id, this.now());
    const pair = await this.issue(account, randomUUID());
    audit.succeeded(account.id);
    return pair;
  }

  async refresh(refreshToken: string, origin: AuditOrigin): Promise<TokenPair> {
    const { refreshTokens, credentials } = this.deps;
    const next = newSecretToken();
    const now = this.now();
    const rotation = await refreshTokens.rotate(hashSecretToken(refreshToken), { tokenHash: hashSecretToken(next), expiresAt: this.refreshExpiry() }, now);
    if (rotation.outcome === 'reused') {
      // A retired token came back: its whole login has just been revoked (see the repository).
      this.deps.audit.record(origin, {
        event: 'auth.refresh.reused',
        actor: null,
        target: rotation.userId,
        outcome: 'failure',
        details: { family: rotation.familyId },
      });
    }
    if (rotation.outcome !== 'rotated') throw new UnauthorizedError(REFRESH_REFUSED);

    // The role is read again here, so a role change or a suspension takes effect at the next refresh.
    const account = await credentials.findById(rotation.userId);
    if (!account || account.status !== 'active') {
      await refreshTokens.revokeFamily(rotation.familyId, now);
      throw new UnauthorizedError(REFRESH_REFUSED);
    }
    return this.pair(account, next);
  }

  /** Ends the login the token belongs to (its whole family). Unknown tokens are ignored: no oracle. */
  async logout(refreshToken: string, origin: AuditOrigin): Promise<void> {
    const userId = await this.deps.refreshTokens.revokeFamilyOf(hashSecretToken(refreshToken), this.now());
    // Only a known token ended a login; the holder of a user's refresh token acts as that user.
    if (userId !== null) this.deps.audit.record(origin, { event: 'auth.logout', actor: userId, target: userId, outcome: 'success' });
  }

  /**
   * No account, or one without a password yet: spend the time a real check takes, so neither the
   * answer nor its timing tells an unknown email from a wrong password.
   */
  private async failAsSlowly(password: string): Promise<false> {
    await this.deps.passwords.verifyDummy(password);
    return false;
  }

  private async issue(account: Account, familyId: string): Promise<TokenPair> {
    const refreshToken = newSecretToken();
    await this.deps.refreshTokens.create({
      userId: account.id,
      familyId,
      tokenHash: hashSecretToken(refreshToken),
      expiresAt: this.refreshExpiry(),
    });
    return this.pair(account, refreshToken);
  }

  private async pair(account: Account, refreshToken: string): Promise<TokenPair> {
    const { accessTokens } = this.deps;
    return {
      access_token: await accessTokens.sign({ id: account.id, role: account.role }),
      refresh_token: refreshToken,
      expires_in: accessTokens.ttlSeconds,
      token_type: 'Bearer',
    };
  }

  private now(): Date {
    return new Date(this.clock.now());
  }

  private refreshExpiry(): Date {
    return new Date(this.clock.now() + this.deps.refreshTtlSeconds * 1000);
  }
}
