import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { CSRF_HEADER, requireCsrfToken, requireUser } from './authenticate.js';
import { enforce, guardRoute } from './guard-route.js';
import { USER_RULES, type Rule } from './user-rules.js';

/**
 * Authorization (--auth session): the ONE place that decides who may do what. Routes only name a
 * permission with `secured()`; the rules are the users rules of every mode (./user-rules.ts).
 */

export type Permission = keyof typeof USER_RULES;

export { SECURED_ROUTE_ERRORS } from './guard-route.js';

/**
 * OpenAPI security schemes; secured routes reference `sessionCookie`, and their unsafe methods also
 * `csrfToken` (src/plugins/authentication.ts adds it, knowing each route's method).
 */
export const securitySchemes = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'sid',
    description: 'The session cookie set by POST /api/v1/auth/login (named by SESSION_COOKIE_NAME, default sid)',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: 'POST, PUT, PATCH and DELETE: the token of the session, from GET /api/v1/auth/csrf',
  },
} as const;

const RULES: Record<Permission, Rule> = USER_RULES;

async function authenticate(request: FastifyRequest, _reply: FastifyReply, payload: unknown): Promise<unknown> {
  requireUser(request);
  requireCsrfToken(request);
  return payload;
}

/**
 * Route options guarded by `permission`: authentication, authorization and their documentation
 * (./guard-route.ts says where each check runs). The session's CSRF token is checked with
 * authentication, for unsafe methods.
 */
export function secured<O extends { schema: FastifySchema }>(permission: Permission, options: O): O {
  return guardRoute(options, { authenticate, authorize: enforce(RULES[permission], requireUser), security: [{ sessionCookie: [] }] });
}
