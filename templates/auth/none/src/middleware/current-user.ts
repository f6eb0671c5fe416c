import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../types/user.js';

/**
 * Who is calling (--auth none). Requests carry no identity, so every caller is anonymous: rate
 * limiting (src/plugins/rate-limit.ts) then counts per client IP.
 */

export interface CurrentUser {
  readonly id: string;
  readonly role: UserRole;
}

export function currentUser(_request: FastifyRequest): CurrentUser | null {
  return null;
}
