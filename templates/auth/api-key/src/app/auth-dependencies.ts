import type { Env } from '../config/env.js';
import { createAuditLog, type AuditLog } from '../lib/audit.js';
import type { Database } from '../lib/database.js';
import type { AppLogger } from '../lib/logger.js';
import { DrizzleApiKeysRepository } from '../repositories/api-keys.repository.js';
import { ApiKeysService } from '../services/api-keys.service.js';
import { systemClock, type Clock } from '../types/auth.js';
import { createCursorCodec } from '../utils/cursor.js';

/**
 * The authentication object graph (--auth api-key), wired by hand like src/app/dependencies.ts and
 * exposed there as `deps.auth`. Tests replace the clock through overrides (expiry, last use).
 */

export interface AuthDependencies {
  apiKeys: ApiKeysService;
  /** The security audit trail (src/lib/audit.ts); the users routes record role changes in it. */
  audit: AuditLog;
}

export interface AuthOverrides {
  clock?: Clock;
}

export function createAuthDependencies(
  env: Env,
  logger: AppLogger,
  database: Database,
  overrides: AuthOverrides = {},
): AuthDependencies {
  const audit = createAuditLog(logger);
  return {
    audit,
    apiKeys: new ApiKeysService(
      new DrizzleApiKeysRepository(database.db),
      // The users list signs its cursors with the same secret; the fingerprint keeps the two apart.
      createCursorCodec(env.CURSOR_SECRET),
      overrides.clock ?? systemClock,
      audit,
    ),
  };
}
