import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { createAuthController } from '../controllers/auth.controller.js';
import { auditOrigin } from '../lib/audit.js';
import type { RouteModule } from '../types/app.js';
import { AccountLockedError } from '../utils/auth-errors.js';
import { loginBodySchema } from './schemas/account.js';
import { refreshBodySchema, tokenPairResponseSchema } from './schemas/auth.js';
import { errorResponses } from './schemas/common.js';

const tags = ['auth'];

/** Token responses must not be stored by any cache (RFC 6749 §5.1). */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/**
 * /api/v1/auth (--auth jwt): login, refresh, logout. Register and password reset are the same in every
 * password mode: routes/account.routes.ts. Public routes, each limited to AUTH_RATE_LIMIT_MAX requests
 * per RATE_LIMIT_WINDOW per client: far stricter than the rest of the API, against credential stuffing.
 */
export const authRoutes: RouteModule = {
  name: 'auth',
  routes(app, deps) {
    const auth = createAuthController(deps.auth);
    const config = { rateLimit: { max: deps.env.AUTH_RATE_LIMIT_MAX } };

    app.post(
      '/auth/login',
      {
        config,
        schema: {
          tags,
          summary: 'Exchange email and password for an access and a refresh token',
          description:
            `A wrong email and a wrong password get the same 401 INVALID_CREDENTIALS. After ${deps.env.LOGIN_MAX_ATTEMPTS} ` +
            `failures the account is locked for ${deps.env.LOGIN_LOCKOUT_MINUTES} minutes (429 ACCOUNT_LOCKED, retry-after).`,
          body: loginBodySchema,
          response: { 200: tokenPairResponseSchema, ...errorResponses(400, 401, 403, 413, 415, 500) },
        },
      },
      async (request, reply) => {
        try {
          return noStore(reply).send(await auth.login(request.body, auditOrigin(request)));
        } catch (error) {
          if (error instanceof AccountLockedError) reply.header('retry-after', String(error.retryAfterSeconds));
          throw error;
        }
      },
    );

    app.post(
      '/auth/refresh',
      {
        config,
        schema: {
          tags,
          summary: 'Rotate a refresh token: returns a new pair; the presented token stops working',
          description: 'Presenting a refresh token that was already rotated revokes every token of its login.',
          body: refreshBodySchema,
          response: { 200: tokenPairResponseSchema, ...errorResponses(400, 401, 413, 415, 500) },
        },
      },
      async (request, reply) => noStore(reply).send(await auth.refresh(request.body, auditOrigin(request))),
    );

    app.post(
      '/auth/logout',
      {
        config,
        schema: {
          tags,
          summary: 'Revoke the refresh token (and its whole login); access tokens expire on their own',
          body: refreshBodySchema,
          response: { 204: z.undefined().describe('Logged out'), ...errorResponses(400, 413, 415, 500) },
        },
      },
      async (request, reply) => {
        await auth.logout(request.body, auditOrigin(request));
        return reply.code(204).send();
      },
    );
  },
};
