import type { Env } from '../config/env.js';
import { createAuditLog, type AuditLog } from '../lib/audit.js';
import { createAccessTokens, type AccessTokens } from '../lib/auth/access-tokens.js';
import type { PasswordHasher } from '../lib/auth/passwords.js';
import type { Database } from '../lib/database.js';
import type { EmailSender } from '../lib/email/index.js';
import type { EventPublisher } from '../lib/events.js';
import type { AppLogger } from '../lib/logger.js';
import { DrizzleRefreshTokensRepository } from '../repositories/refresh-tokens.repository.js';
import { AuthService } from '../services/auth.service.js';
import type { PasswordResetService } from '../services/password-reset.service.js';
import { createPasswordDependencies, type PasswordOverrides } from './password-dependencies.js';

/**
 * The authentication object graph (--auth jwt), wired by hand like src/app/dependencies.ts and exposed
 * there as `deps.auth`: the password accounts every password mode has, plus access and refresh tokens.
 */

export interface AuthDependencies {
  accessTokens: AccessTokens;
  passwords: PasswordHasher;
  email: EmailSender;
  service: AuthService;
  passwordReset: PasswordResetService;
  /** The security audit trail (src/lib/audit.ts); the users routes record role changes in it. */
  audit: AuditLog;
}

export type AuthOverrides = PasswordOverrides;

export function createAuthDependencies(
  env: Env,
  logger: AppLogger,
  database: Database,
  events: EventPublisher,
  overrides: AuthOverrides = {},
): AuthDependencies {
  // Email fingerprints in the audit trail are keyed by a secret this mode has anyway.
  const audit = createAuditLog(logger, env.JWT_SECRET);
  const { clock, passwords, email, credentials, lockout, passwordReset } = createPasswordDependencies(env, logger, database, audit, overrides);
  const accessTokens = createAccessTokens({
    secret: env.JWT_SECRET,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    ttlSeconds: env.JWT_ACCESS_TTL,
    clock,
  });
  const service = new AuthService({
    credentials,
    refreshTokens: new DrizzleRefreshTokensRepository(database.db),
    passwords,
    accessTokens,
    lockout,
    events,
    audit,
    refreshTtlSeconds: env.JWT_REFRESH_TTL,
    clock,
  });
  return { accessTokens, passwords, email, service, passwordReset, audit };
}
