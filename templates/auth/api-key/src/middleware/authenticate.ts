import type { FastifyReply, FastifyRequest } from 'fastify';
import { credentialInQuery } from '../lib/auth/api-keys.js';
import type { ApiKeyCaller } from '../types/api-key.js';
import { UnauthorizedError } from '../utils/auth-errors.js';
import { ValidationError } from '../utils/errors.js';
import type { CurrentUser } from './current-user.js';

/**
 * API-key authentication in two steps. `identifyCaller` runs on every API request (the authentication
 * plugin decides which) and only records who is calling, so the rate limiter counts per key owner and
 * public routes ignore a bad key; `requireUser` refuses anonymous callers on the routes that need one.
 */

export const API_KEY_HEADER = 'x-api-key';

export interface ApiKeyAuthenticator {
  authenticate(key: string): Promise<ApiKeyCaller | null>;
}

// RFC 6750 b64token, case-insensitive scheme; the key format itself is checked by the authenticator.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The key a request presents: null when it presents none, undefined when what it presents cannot be a
 * key (another scheme, a repeated header, or two different keys: which one would be meant?).
 */
export function presentedKey(request: FastifyRequest): string | null | undefined {
  const { authorization } = request.headers;
  const header = request.headers[API_KEY_HEADER];
  if (authorization === undefined && header === undefined) return null;
  if (Array.isArray(header)) return undefined;
  const bearer = authorization === undefined ? undefined : (BEARER.exec(authorization)?.[1] ?? null);
  if (bearer === null) return undefined;
  if (bearer !== undefined && header !== undefined && bearer !== header) return undefined;
  return bearer ?? header;
}

export function identifyCaller(keys: ApiKeyAuthenticator) {
  return async function identify(request: FastifyRequest): Promise<void> {
    const param = credentialInQuery(request.query);
    if (param !== null) {
      throw new ValidationError(`Invalid query parameter: ${param}`, [
        { field: param, message: 'API keys must not be sent in the URL; use the Authorization or x-api-key header' },
      ]);
    }
    const key = presentedKey(request);
    if (key === null) return;
    const caller = key === undefined ? null : await keys.authenticate(key);
    if (caller === null) request.authFailure = 'invalid';
    else request.user = { id: caller.userId, role: caller.role };
  };
}

/** The caller, or 401 UNAUTHORIZED: one answer for malformed, unknown, revoked and expired keys. */
export function requireUser(request: FastifyRequest, reply: FastifyReply): CurrentUser {
  if (request.user) return request.user;
  const invalid = request.authFailure === 'invalid';
  reply.header('www-authenticate', invalid ? 'Bearer error="invalid_token"' : 'Bearer');
  throw new UnauthorizedError(invalid ? 'Invalid, expired or revoked API key' : 'Authentication required: send an API key');
}
