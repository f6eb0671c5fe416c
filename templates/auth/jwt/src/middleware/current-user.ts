import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../types/user.js';

/**
 * Who is calling (--auth jwt). The authentication plugin (src/plugins/authentication.ts) fills
 * `request.user` from a valid bearer token before any route hook runs; authorization
 * (src/middleware/access.ts) and rate limiting (src/plugins/rate-limit.ts) read it through here.
 */

export interface CurrentUser {
  readonly id: string;
  readonly role: UserRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The bearer of a valid access token; null for anonymous requests. */
    user: CurrentUser | null;
    /** Why a presented token was refused; only routes that require a user report it (401). */
    authFailure: 'expired' | 'invalid' | null;
  }
}

export function currentUser(request: FastifyRequest): CurrentUser | null {
  return request.user;
}
