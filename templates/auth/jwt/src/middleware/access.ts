import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { requireUser } from './authenticate.js';
import { enforce, guardRoute } from './guard-route.js';
import { USER_RULES, type Rule } from './user-rules.js';

/**
 * Authorization (--auth jwt): the ONE place that decides who may do what. Routes only name a
 * permission with `secured()`; the rules are the users rules of every mode (./user-rules.ts).
 */

export type Permission = keyof typeof USER_RULES;

export { SECURED_ROUTE_ERRORS } from './guard-route.js';

/** OpenAPI security schemes; secured routes reference `bearerAuth`. */
export const securitySchemes = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    // RFC 8725 (JWT best current practices): one pinned algorithm, typed header, iss/aud/exp always checked.
    description:
      'The access_token from POST /api/v1/auth/login or /auth/refresh: a short-lived HS256 JWT following RFC8725 ' +
      '(the algorithm is pinned, and issuer, audience and expiry are always verified)',
  },
} as const;

const RULES: Record<Permission, Rule> = USER_RULES;

async function authenticate(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  requireUser(request, reply);
  return payload;
}

/**
 * Route options guarded by `permission`: authentication, authorization and their documentation
 * (./guard-route.ts says where each check runs).
 */
export function secured<O extends { schema: FastifySchema }>(permission: Permission, options: O): O {
  return guardRoute(options, { authenticate, authorize: enforce(RULES[permission], requireUser), security: [{ bearerAuth: [] }] });
}
