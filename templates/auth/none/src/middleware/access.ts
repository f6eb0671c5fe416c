import type { FastifySchema } from 'fastify';

/**
 * Authorization (--auth none): the ONE place that decides who may do what. Without authentication
 * there are no identities to tell apart, so the policy is that every caller may do everything; routes
 * still name the permission they need, and choosing an auth mode puts the real rules here.
 */

export type Permission = 'users:create' | 'users:list' | 'users:read' | 'users:update' | 'users:delete' | 'authenticated';

/** What every secured route may answer besides its own responses: nothing extra without auth. */
export const SECURED_ROUTE_ERRORS = [] as const;

/** OpenAPI security schemes: none without auth. */
export const securitySchemes = {};

/** Route options, unchanged: nothing to authenticate or authorize. */
export function secured<O extends { schema: FastifySchema }>(_permission: Permission, options: O): O {
  return options;
}
