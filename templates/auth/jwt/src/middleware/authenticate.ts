import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessTokens } from '../lib/auth/access-tokens.js';
import { TokenExpiredError, UnauthorizedError } from '../utils/auth-errors.js';
import type { CurrentUser } from './current-user.js';

/**
 * Bearer-token authentication in two steps. `identifyCaller` runs on every request and only records
 * who is calling (so the rate limiter can count per user, and public routes ignore a stale token);
 * `requireUser` refuses anonymous callers on the routes that need one.
 */

// RFC 6750 b64token, case-insensitive scheme.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

export function identifyCaller(tokens: AccessTokens) {
  return async function identify(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    if (header === undefined) return;
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      request.authFailure = 'invalid';
      return;
    }
    const verified = await tokens.verify(token);
    if (verified.ok) request.user = verified.claims;
    else request.authFailure = verified.reason;
  };
}

/** The caller, or a 401: TOKEN_EXPIRED for an expired token (time to refresh), UNAUTHORIZED otherwise. */
export function requireUser(request: FastifyRequest, reply: FastifyReply): CurrentUser {
  if (request.user) return request.user;
  const failure = request.authFailure;
  reply.header('www-authenticate', failure === null ? 'Bearer' : 'Bearer error="invalid_token"');
  if (failure === 'expired') throw new TokenExpiredError();
  throw new UnauthorizedError(failure === 'invalid' ? 'Invalid access token' : 'Authentication required');
}
