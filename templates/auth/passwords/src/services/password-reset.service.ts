import type { AuditLog, AuditOrigin } from '../lib/audit.js';
import type { EmailSender } from '../lib/email/index.js';
import type { PasswordHasher } from '../lib/auth/passwords.js';
import { hashSecretToken, newSecretToken } from '../lib/auth/secret-tokens.js';
import type { AppLogger } from '../lib/logger.js';
import { systemClock, type Clock, type CredentialsRepository, type PasswordResetsRepository } from '../types/auth.js';
import { ValidationError } from '../utils/errors.js';
import { normalizeEmail } from './users.service.js';

/**
 * Forgotten passwords: a single-use token, valid `ttlMinutes` (at most an hour), goes out by email; only
 * its hash is stored. Redeeming it sets the new password and ends every session of the account.
 */

export interface PasswordResetDeps {
  credentials: CredentialsRepository;
  resets: PasswordResetsRepository;
  passwords: PasswordHasher;
  email: EmailSender;
  logger: AppLogger;
  audit: AuditLog;
  /** The page of your front end that reads `?token=` and posts it to /auth/password/reset. */
  resetUrl: string;
  ttlMinutes: number;
  clock?: Clock;
}

export class PasswordResetService {
  private readonly clock: Clock;

  constructor(private readonly deps: PasswordResetDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  /** Resolves the same way whether or not the account exists; the caller always answers 202. */
  async forgot(email: string, origin: AuditOrigin): Promise<void> {
    const { credentials, resets, ttlMinutes, audit } = this.deps;
    const address = normalizeEmail(email);
    // The same event whether or not a link goes out: the trail, like the 202, tells no account apart.
    audit.record(origin, { event: 'auth.password_reset.requested', actor: null, target: audit.emailFingerprint(address), outcome: 'success' });
    const account = await credentials.findByEmail(address);
    if (!account || account.status !== 'active') return;

    const token = newSecretToken();
    await resets.create({
      userId: account.id,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(this.clock.now() + ttlMinutes * 60_000),
    });
    const link = new URL(this.deps.resetUrl);
    link.searchParams.set('token', token);
    // Not awaited: the response must neither wait for the transport nor reveal through its timing
    // that a message was sent. With a queue, this becomes a job.
    void this.deps.email
      .send({
        to: address,
        subject: 'Reset your password',
        text:
          `Someone asked to reset the password of your account.\n\n` +
          `To choose a new password, open this link within ${ttlMinutes} minutes:\n${link.href}\n\n` +
          `If it was not you, ignore this message: your password stays as it is.`,
      })
      .catch((err: unknown) => this.deps.logger.error({ err, event: 'email' }, 'password reset email could not be sent'));
  }

  async reset(token: string, password: string, origin: AuditOrigin): Promise<void> {
    const { audit } = this.deps;
    const passwordHash = await this.deps.passwords.hash(password);
    const userId = await this.deps.resets.consume(hashSecretToken(token), passwordHash, new Date(this.clock.now()));
    if (userId === null) {
      audit.record(origin, { event: 'auth.password_reset.failed', actor: null, target: null, outcome: 'failure', details: { reason: 'invalid_token' } });
      throw new ValidationError('The reset token is invalid, expired or already used', [
        { field: 'token', message: 'is invalid, expired or already used' },
      ]);
    }
    // Whoever holds a valid reset token acts as the account: the password changed, every login ended.
    audit.record(origin, { event: 'auth.password_reset.completed', actor: userId, target: userId, outcome: 'success' });
  }
}
