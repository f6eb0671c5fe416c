import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { errorResponses } from '../routes/schemas/common.js';
import { ForbiddenError } from '../utils/auth-errors.js';
import { CSRF_HEADER, requireCsrfToken, requireUser } from './authenticate.js';
import { USER_RULES, type Rule } from './user-rules.js';

/**
 * Authorization (--auth session): the ONE place that decides who may do what. Routes only name a
 * permission with `secured()`; the rules are the users rules of every mode (./user-rules.ts).
 */

export type Permission = keyof typeof USER_RULES;

/** What every secured route may answer besides its own responses (also asserted by the docs tests). */
export const SECURED_ROUTE_ERRORS = [401, 403] as const;

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

function authorize(permission: Permission) {
  return async function authorizeRequest(request: FastifyRequest): Promise<void> {
    const rule = RULES[permission];
    if (!rule.allows(requireUser(request), request)) throw new ForbiddenError(rule.denied);
  };
}

/**
 * Route options plus authentication, authorization and their documentation. Authentication (and the
 * CSRF check of unsafe methods) runs at preParsing: after the rate limiter (onRequest) has counted the
 * request, before its body is read.
 * Authorization runs at preHandler, after validation, so the rules see typed params and body.
 * The route's own options must not set preParsing or preHandler: those slots are this guard's.
 */
export function secured<O extends { schema: FastifySchema }>(permission: Permission, options: O): O {
  const response = typeof options.schema.response === 'object' && options.schema.response !== null ? options.schema.response : {};
  return {
    ...options,
    preParsing: authenticate,
    preHandler: authorize(permission),
    schema: {
      ...options.schema,
      security: [{ sessionCookie: [] }],
      response: { ...response, ...errorResponses(...SECURED_ROUTE_ERRORS) },
    },
  };
}
