import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../types/user.js';

/**
 * Who is calling (--auth api-key). The authentication plugin (src/plugins/authentication.ts) fills
 * `request.user` from a live API key before any route hook runs: the key's owner, with the owner's
 * current role. Authorization (src/middleware/access.ts) and rate limiting (src/plugins/rate-limit.ts)
 * read it through here, so the rate limiter counts per key owner.
 */

export interface CurrentUser {
  readonly id: string;
  readonly role: UserRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The owner of a live API key; null for anonymous requests. */
    user: CurrentUser | null;
    /** Set when a presented key was refused; only routes that require a user report it (401). */
    authFailure: 'invalid' | null;
  }
}

export function currentUser(request: FastifyRequest): CurrentUser | null {
  return request.user;
}
