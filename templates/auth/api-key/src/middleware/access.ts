import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { requireUser } from './authenticate.js';
import { enforce, guardRoute } from './guard-route.js';
import { USER_RULES, isAdmin, type Rule } from './user-rules.js';

/**
 * Authorization (--auth api-key): the ONE place that decides who may do what. Routes only name a
 * permission with `secured()`. Rules: admins may do everything; a user may read and update only its own
 * account and may not change its role or status; listing, creating and deleting users, and every
 * operation on API keys, are admin-only. The caller's role is its owner's role now, read at each request.
 */

export type Permission = keyof typeof USER_RULES | 'api-keys:create' | 'api-keys:list' | 'api-keys:revoke';

export { SECURED_ROUTE_ERRORS } from './guard-route.js';

/** OpenAPI security schemes: the same API key, in either header. Secured routes accept both. */
export const securitySchemes = {
  bearerApiKey: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'API key',
    description: 'An API key (sbk_…) from POST /api/v1/api-keys or `npm run db:seed`, as `Authorization: Bearer <key>`',
  },
  apiKeyHeader: {
    type: 'apiKey',
    in: 'header',
    name: 'x-api-key',
    description: 'The same API key in the x-api-key header. Never put a key in the URL: that is refused with 400.',
  },
} as const;

/** Either scheme satisfies a secured route (OpenAPI: alternatives are separate requirement objects). */
const SECURITY = [{ bearerApiKey: [] }, { apiKeyHeader: [] }];

const RULES: Record<Permission, Rule> = {
  ...USER_RULES,
  'api-keys:create': { allows: isAdmin, denied: 'Only an admin may create API keys' },
  'api-keys:list': { allows: isAdmin, denied: 'Only an admin may list API keys' },
  'api-keys:revoke': { allows: isAdmin, denied: 'Only an admin may revoke API keys' },
};

async function authenticate(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  requireUser(request, reply);
  return payload;
}

/**
 * Route options guarded by `permission`: authentication, authorization and their documentation
 * (./guard-route.ts says where each check runs).
 */
export function secured<O extends { schema: FastifySchema }>(permission: Permission, options: O): O {
  return guardRoute(options, { authenticate, authorize: enforce(RULES[permission], requireUser), security: SECURITY });
}
