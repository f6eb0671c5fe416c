import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { errorResponses } from '../routes/schemas/common.js';
import { ForbiddenError } from '../utils/auth-errors.js';
import type { CurrentUser } from './current-user.js';
import type { Rule } from './user-rules.js';

/** What every secured route may answer besides its own responses (also asserted by the docs tests). */
export const SECURED_ROUTE_ERRORS = [401, 403] as const;

export interface RouteGuard {
  /** preParsing: refuses an anonymous caller (and, per mode, e.g. a missing CSRF token) before the body is read. */
  authenticate(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown>;
  /** preHandler: the permission's rule, after validation, so it sees typed params and body. */
  authorize(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** OpenAPI security requirements of the route. */
  security: Record<string, string[]>[];
}

/** A preHandler that lets the caller through when `rule` allows it, else 403 FORBIDDEN with the rule's reason. */
export function enforce(rule: Rule, caller: (request: FastifyRequest, reply: FastifyReply) => CurrentUser) {
  return async function authorizeRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!rule.allows(caller(request, reply), request)) throw new ForbiddenError(rule.denied);
  };
}

/**
 * Route options plus authentication, authorization and their documentation; every auth mode's
 * `secured()` (src/middleware/access.ts) builds its guard and calls this. Authentication runs at
 * preParsing: after the rate limiter (onRequest) has counted the request, before its body is read.
 * The route's own options must not set preParsing or preHandler: those slots are the guard's.
 */
export function guardRoute<O extends { schema: FastifySchema }>(options: O, guard: RouteGuard): O {
  const response = typeof options.schema.response === 'object' && options.schema.response !== null ? options.schema.response : {};
  return {
    ...options,
    preParsing: guard.authenticate,
    preHandler: guard.authorize,
    schema: {
      ...options.schema,
      security: guard.security,
      response: { ...response, ...errorResponses(...SECURED_ROUTE_ERRORS) },
    },
  };
}
