import { z } from 'zod';
import { createAccountController } from '../controllers/account.controller.js';
import { auditOrigin } from '../lib/audit.js';
import type { RouteModule } from '../types/app.js';
import { errorResponses } from './schemas/common.js';
import {
  acceptedResponseSchema,
  forgotPasswordBodySchema,
  registerBodySchema,
  resetPasswordBodySchema,
} from './schemas/account.js';
import { userResponseSchema } from './schemas/users.js';

const tags = ['auth'];

/**
 * The /api/v1/auth routes of password accounts, the same in every password mode: register and password
 * reset. Logging in and out is the mode's (routes/auth.routes.ts). Public routes, each limited to
 * AUTH_RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW per client, like the mode's, against credential
 * stuffing and reset-email floods.
 */
export const accountRoutes: RouteModule = {
  name: 'account',
  routes(app, deps) {
    const account = createAccountController(deps.auth);
    const config = { rateLimit: { max: deps.env.AUTH_RATE_LIMIT_MAX } };

    app.post(
      '/auth/register',
      {
        config,
        schema: {
          tags,
          summary: 'Create an account (role "user"); then log in',
          body: registerBodySchema,
          response: { 201: userResponseSchema, ...errorResponses(400, 409, 413, 415, 500) },
        },
      },
      async (request, reply) => reply.code(201).send(await account.register(request.body)),
    );

    app.post(
      '/auth/password/forgot',
      {
        config,
        schema: {
          tags,
          summary: 'Email a single-use password-reset link; 202 whether or not the account exists',
          body: forgotPasswordBodySchema,
          response: { 202: acceptedResponseSchema, ...errorResponses(400, 413, 415, 500) },
        },
      },
      async (request, reply) => reply.code(202).send(await account.forgotPassword(request.body, auditOrigin(request))),
    );

    app.post(
      '/auth/password/reset',
      {
        config,
        schema: {
          tags,
          summary: 'Set a new password with a reset token; ends every session of the account',
          body: resetPasswordBodySchema,
          response: { 204: z.undefined().describe('Password changed'), ...errorResponses(400, 413, 415, 500) },
        },
      },
      async (request, reply) => {
        await account.resetPassword(request.body, auditOrigin(request));
        return reply.code(204).send();
      },
    );
  },
};
