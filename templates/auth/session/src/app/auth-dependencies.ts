import type { Env } from '../config/env.js';
import { createCsrfTokens } from '../lib/auth/csrf.js';
import { Argon2PasswordHasher, type PasswordHasher } from '../lib/auth/passwords.js';
import type { Database } from '../lib/database.js';
import { createEmailSender, type EmailSender } from '../lib/email/index.js';
import type { AppLogger } from '../lib/logger.js';
import { DrizzleCredentialsRepository } from '../repositories/credentials.repository.js';
import { DrizzleLoginAttemptsRepository } from '../repositories/login-attempts.repository.js';
import { DrizzlePasswordResetsRepository } from '../repositories/password-resets.repository.js';
import { DrizzleSessionsRepository } from '../repositories/sessions.repository.js';
import { DrizzleUsersRepository } from '../repositories/users.repository.js';
import { AuthService } from '../services/auth.service.js';
import { LoginLockout } from '../services/login-lockout.js';
import { PasswordResetService } from '../services/password-reset.service.js';
import { SessionsService } from '../services/sessions.service.js';
import { systemClock, type Clock } from '../types/auth.js';

/**
 * The authentication object graph (--auth session), wired by hand like src/app/dependencies.ts and
 * exposed there as `deps.auth`. Tests replace the email transport, the clock or the hasher through
 * overrides.
 */

export interface AuthDependencies {
  sessions: SessionsService;
  passwords: PasswordHasher;
  email: EmailSender;
  service: AuthService;
  passwordReset: PasswordResetService;
}

export interface AuthOverrides {
  email?: EmailSender;
  clock?: Clock;
  passwords?: PasswordHasher;
}

export function createAuthDependencies(
  env: Env,
  logger: AppLogger,
  database: Database,
  overrides: AuthOverrides = {},
): AuthDependencies {
  const clock = overrides.clock ?? systemClock;
  const passwords = overrides.passwords ?? new Argon2PasswordHasher();
  const email = overrides.email ?? createEmailSender(env, logger);
  const credentials = new DrizzleCredentialsRepository(database.db);
  const sessions = new SessionsService(new DrizzleSessionsRepository(database.db), {
    ttlSeconds: env.SESSION_TTL,
    idleTimeoutSeconds: env.SESSION_IDLE_TIMEOUT,
    csrf: createCsrfTokens(env.SESSION_SECRET),
    clock,
  });
  const lockout = new LoginLockout(new DrizzleLoginAttemptsRepository(database.db), {
    maxAttempts: env.LOGIN_MAX_ATTEMPTS,
    lockoutMinutes: env.LOGIN_LOCKOUT_MINUTES,
    clock,
  });

  return {
    sessions,
    passwords,
    email,
    service: new AuthService({
      credentials,
      users: new DrizzleUsersRepository(database.db),
      sessions,
      passwords,
      lockout,
    }),
    passwordReset: new PasswordResetService({
      credentials,
      resets: new DrizzlePasswordResetsRepository(database.db),
      passwords,
      email,
      logger,
      resetUrl: env.PASSWORD_RESET_URL,
      ttlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
      clock,
    }),
  };
}
