import type { FastifyRequest } from 'fastify';
import { csrfTokensMatch } from '../lib/auth/csrf.js';
import type { SessionsService } from '../services/sessions.service.js';
import { ForbiddenError, UnauthorizedError } from '../utils/auth-errors.js';
import type { CurrentUser } from './current-user.js';

/**
 * Session-cookie authentication (--auth session) in steps. `identifyCaller` runs on every request and
 * only records who is calling (so the rate limiter can count per user, and public routes ignore a stale
 * cookie); `requireUser` refuses anonymous callers on the routes that need one; `requireCsrfToken`
 * refuses cookie-authenticated writes that do not echo the session's CSRF token.
 */

export const CSRF_HEADER = 'x-csrf-token';

// RFC 9110 safe methods: they must not change anything, so a forged one can do no harm.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function identifyCaller(sessions: SessionsService, cookieName: string) {
  return async function identify(request: FastifyRequest): Promise<void> {
    const id = request.cookies[cookieName];
    if (id === undefined) return;
    const session = await sessions.authenticate(id);
    if (session === null) {
      request.authFailure = 'invalid';
      return;
    }
    request.user = session.user;
    request.csrfToken = session.csrfToken;
  };
}

/** The caller, or 401 UNAUTHORIZED. */
export function requireUser(request: FastifyRequest): CurrentUser {
  if (request.user) return request.user;
  throw new UnauthorizedError(request.authFailure === 'invalid' ? 'Session expired or invalid: log in again' : 'Authentication required');
}

/**
 * A browser attaches the cookie to requests that other sites make it send; only our own pages can read
 * the token (GET /api/v1/auth/csrf) and echo it. 403 FORBIDDEN when an unsafe request lacks it.
 */
export function requireCsrfToken(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || request.csrfToken === null) return;
  const presented = request.headers[CSRF_HEADER];
  if (!csrfTokensMatch(request.csrfToken, typeof presented === 'string' ? presented : undefined)) {
    throw new ForbiddenError(`Missing or invalid CSRF token: send the token from GET /api/v1/auth/csrf in ${CSRF_HEADER}`);
  }
}

/**
 * Login-CSRF defence for the route that starts a session (it has no session, so no token, yet): a
 * browser always sends Origin with a cross-site POST, and another site must not log the browser in to
 * an account of its choosing. Allowed: no Origin (not a browser), this API's own origin, CORS_ORIGINS.
 */
export function requireTrustedOrigin(request: FastifyRequest, trusted: readonly string[]): void {
  const origin = request.headers.origin;
  if (origin === undefined || trusted.includes('*') || trusted.includes(origin)) return;
  if (origin !== 'null' && origin === ownOrigin(request)) return;
  throw new ForbiddenError('Cross-site login refused: this origin is not in CORS_ORIGINS');
}

function ownOrigin(request: FastifyRequest): string | undefined {
  try {
    // URL drops a default port, as browsers do in Origin (http://localhost:80 → http://localhost).
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return undefined;
  }
}
