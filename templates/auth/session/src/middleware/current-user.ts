import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../types/user.js';

/**
 * Who is calling (--auth session). The authentication plugin (src/plugins/authentication.ts) fills
 * `request.user` from a valid session cookie before any route hook runs; authorization
 * (src/middleware/access.ts) and rate limiting (src/plugins/rate-limit.ts) read it through here.
 */

export interface CurrentUser {
  readonly id: string;
  readonly role: UserRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The user of a valid session cookie; null for anonymous requests. */
    user: CurrentUser | null;
    /** Why a presented cookie was refused; only routes that require a user report it (401). */
    authFailure: 'invalid' | null;
    /** The CSRF token of the request's session: unsafe methods must echo it in x-csrf-token. */
    csrfToken: string | null;
  }
}

export function currentUser(request: FastifyRequest): CurrentUser | null {
  return request.user;
}
