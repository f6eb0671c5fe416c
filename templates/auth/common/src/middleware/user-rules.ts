import type { FastifyRequest } from 'fastify';
import type { CurrentUser } from './current-user.js';

/**
 * The authorization rules on users, the same in every auth mode; each mode's src/middleware/access.ts
 * adds its own (if any) and enforces them all in one place. Admins may do everything; a user may read
 * and update only its own account and may not change its role or status; listing, creating and
 * deleting users are admin-only.
 */

export interface Rule {
  allows(user: CurrentUser, request: FastifyRequest): boolean;
  denied: string;
}

export const isAdmin = (user: CurrentUser) => user.role === 'admin';

function targetId(request: FastifyRequest): string | undefined {
  const params: unknown = request.params;
  return typeof params === 'object' && params !== null && 'id' in params && typeof params.id === 'string' ? params.id : undefined;
}

function changesPrivileges(request: FastifyRequest): boolean {
  const body: unknown = request.body;
  return typeof body === 'object' && body !== null && ('role' in body || 'status' in body);
}

export const USER_RULES = {
  'users:create': { allows: isAdmin, denied: 'Only an admin may create users' },
  'users:list': { allows: isAdmin, denied: 'Only an admin may list users' },
  'users:delete': { allows: isAdmin, denied: 'Only an admin may delete users' },
  'users:read': {
    allows: (user, request) => isAdmin(user) || targetId(request) === user.id,
    denied: 'You may only read your own account',
  },
  'users:update': {
    allows: (user, request) => isAdmin(user) || (targetId(request) === user.id && !changesPrivileges(request)),
    denied: 'You may only update your own account, and not its role or status',
  },
  authenticated: { allows: () => true, denied: 'Authentication required' },
} as const satisfies Record<string, Rule>;
