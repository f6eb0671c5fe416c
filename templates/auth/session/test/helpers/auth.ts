import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Dependencies } from '../../src/app/dependencies.js';
import { sessions } from '../../src/db/session-schema.js';
import { createCsrfTokens } from '../../src/lib/auth/csrf.js';
import { hashSecretToken, newSecretToken } from '../../src/lib/auth/secret-tokens.js';
import { CSRF_HEADER } from '../../src/middleware/authenticate.js';
import { isDatabaseUnavailable } from '../../src/repositories/pg-errors.js';
import type { AppInstance } from '../../src/types/app.js';
import type { UserRole } from '../../src/types/user.js';

/**
 * Callers for tests (--auth session). `asAdmin` sends the cookie of a session stored for an admin that
 * exists only in the session, so it adds no row to the users table (the app itself only starts sessions
 * for active accounts: login); `asUser` does the same for a real user's id and role. Every request gets
 * a fresh session and its CSRF token, because each test empties the sessions table and the database
 * ends a user's sessions when its role or status changes.
 */

export interface Client {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

interface Target {
  app: AppInstance;
  deps: Dependencies;
}

export function asUser(target: Target, user: { id: string; role: UserRole }): Client {
  const { env, database } = target.deps;
  const csrf = createCsrfTokens(env.SESSION_SECRET);
  return {
    async inject(options) {
      const id = newSecretToken();
      const expiresAt = new Date(Date.now() + env.SESSION_TTL * 1000);
      try {
        await database.db
          .insert(sessions)
          .values({ tokenHash: hashSecretToken(id), userId: user.id, role: user.role, expiresAt, absoluteExpiresAt: expiresAt });
      } catch (error) {
        // The app's database is down: the request still goes, and the app, failing to look the
        // session up, answers what it answers any caller then (503).
        if (!isDatabaseUnavailable(error)) throw error;
      }
      const headers = { ...options.headers, cookie: `${env.SESSION_COOKIE_NAME}=${id}`, [CSRF_HEADER]: csrf.issue(id) };
      return target.app.inject({ ...options, headers });
    },
  };
}

export function asAdmin(target: Target): Client {
  return asUser(target, { id: randomUUID(), role: 'admin' });
}
