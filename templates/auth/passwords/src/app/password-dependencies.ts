import type { Env } from '../config/env.js';
import type { AuditLog } from '../lib/audit.js';
import { Argon2PasswordHasher, type PasswordHasher } from '../lib/auth/passwords.js';
import type { Database } from '../lib/database.js';
import { createEmailSender, type EmailSender } from '../lib/email/index.js';
import type { AppLogger } from '../lib/logger.js';
import { DrizzleCredentialsRepository } from '../repositories/credentials.repository.js';
import { DrizzleLoginAttemptsRepository } from '../repositories/login-attempts.repository.js';
import { DrizzlePasswordResetsRepository } from '../repositories/password-resets.repository.js';
import { LoginLockout } from '../services/login-lockout.js';
import { PasswordResetService } from '../services/password-reset.service.js';
import { systemClock, type Clock, type CredentialsRepository } from '../types/auth.js';

/**
 * The part of the authentication object graph that every password mode (jwt, session) shares; each
 * mode's src/app/auth-dependencies.ts adds what keeps a caller logged in. Tests replace the email
 * transport, the clock or the hasher through overrides.
 */

export interface PasswordOverrides {
  /**
   * Where reset emails go. Unset: the transport of src/lib/email/index.ts. With the email feature the
   * app graph passes its queued sender here, so they go out as jobs like every other email.
   */
  email?: EmailSender;
  clock?: Clock;
  passwords?: PasswordHasher;
}

export interface PasswordDependencies {
  clock: Clock;
  passwords: PasswordHasher;
  email: EmailSender;
  credentials: CredentialsRepository;
  lockout: LoginLockout;
  passwordReset: PasswordResetService;
}

export function createPasswordDependencies(
  env: Env,
  logger: AppLogger,
  database: Database,
  audit: AuditLog,
  overrides: PasswordOverrides = {},
): PasswordDependencies {
  const clock = overrides.clock ?? systemClock;
  const passwords = overrides.passwords ?? new Argon2PasswordHasher();
  const email = overrides.email ?? createEmailSender(env, logger);
  const credentials = new DrizzleCredentialsRepository(database.db);
  const lockout = new LoginLockout(new DrizzleLoginAttemptsRepository(database.db), {
    maxAttempts: env.LOGIN_MAX_ATTEMPTS,
    lockoutMinutes: env.LOGIN_LOCKOUT_MINUTES,
    clock,
  });
  const passwordReset = new PasswordResetService({
    credentials,
    resets: new DrizzlePasswordResetsRepository(database.db),
    passwords,
    email,
    logger,
    audit,
    resetUrl: env.PASSWORD_RESET_URL,
    ttlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
    clock,
  });
  return { clock, passwords, email, credentials, lockout, passwordReset };
}
