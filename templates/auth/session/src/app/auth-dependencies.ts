import type { Env } from '../config/env.js';
import { createAuditLog, type AuditLog } from '../lib/audit.js';
import { createCsrfTokens } from '../lib/auth/csrf.js';
import type { PasswordHasher } from '../lib/auth/passwords.js';
import type { Database } from '../lib/database.js';
import type { EmailSender } from '../lib/email/index.js';
import type { EventPublisher } from '../lib/events.js';
import type { AppLogger } from '../lib/logger.js';
import { DrizzleSessionsRepository } from '../repositories/sessions.repository.js';
import { DrizzleUsersRepository } from '../repositories/users.repository.js';
import { AuthService } from '../services/auth.service.js';
import type { PasswordResetService } from '../services/password-reset.service.js';
import { SessionsService } from '../services/sessions.service.js';
import { createPasswordDependencies, type PasswordOverrides } from './password-dependencies.js';

/**
 * The authentication object graph (--auth session), wired by hand like src/app/dependencies.ts and
 * exposed there as `deps.auth`: the password accounts every password mode has, plus sessions.
 */

export interface AuthDependencies {
  sessions: SessionsService;
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
  const audit = createAuditLog(logger, env.SESSION_SECRET);
  const { clock, passwords, email, credentials, lockout, passwordReset } = createPasswordDependencies(env, logger, database, audit, overrides);
  const sessions = new SessionsService(new DrizzleSessionsRepository(database.db), {
    ttlSeconds: env.SESSION_TTL,
    idleTimeoutSeconds: env.SESSION_IDLE_TIMEOUT,
    csrf: createCsrfTokens(env.SESSION_SECRET),
    clock,
  });
  const service = new AuthService({
    credentials,
    users: new DrizzleUsersRepository(database.db),
    sessions,
    passwords,
    lockout,
    events,
    audit,
  });
  return { sessions, passwords, email, service, passwordReset, audit };
}
