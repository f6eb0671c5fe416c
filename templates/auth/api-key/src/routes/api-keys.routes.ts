import { z } from 'zod';
import { createApiKeysController } from '../controllers/api-keys.controller.js';
import { auditOrigin } from '../lib/audit.js';
import { secured } from '../middleware/access.js';
import { requireUser } from '../middleware/authenticate.js';
import type { RouteModule } from '../types/app.js';
import { errorResponses } from './schemas/common.js';
import {
  apiKeyIdParamsSchema,
  apiKeyListResponseSchema,
  createApiKeyBodySchema,
  createdApiKeyResponseSchema,
  listApiKeysQuerySchema,
} from './schemas/api-keys.js';

const tags = ['api-keys'];

/**
 * /api/v1/api-keys (--auth api-key): admins issue, list and revoke keys. The key itself appears once,
 * in the answer to POST; lists show its prefix only.
 */
export const apiKeysRoutes: RouteModule = {
  name: 'api-keys',
  routes(app, deps) {
    const apiKeys = createApiKeysController(deps.auth.apiKeys);

    app.post(
      '/api-keys',
      secured('api-keys:create', {
        schema: {
          tags,
          summary: 'Create an API key (shown once, in this response)',
          description: 'The key acts as its owner (`userId`, by default the caller) with the role the owner has at each request.',
          body: createApiKeyBodySchema,
          response: { 201: createdApiKeyResponseSchema, ...errorResponses(400, 413, 415, 500) },
        },
      }),
      // A secret in the body: no cache may keep this response (RFC 9111 no-store).
      async (request, reply) =>
        reply.code(201).header('cache-control', 'no-store').send(await apiKeys.create(request.body, requireUser(request, reply).id, auditOrigin(request))),
    );

    app.get(
      '/api-keys',
      secured('api-keys:list', {
        schema: {
          tags,
          summary: 'List API keys, newest first',
          querystring: listApiKeysQuerySchema,
          response: { 200: apiKeyListResponseSchema, ...errorResponses(400, 500) },
        },
      }),
      async (request) => apiKeys.list(request.query),
    );

    app.delete(
      '/api-keys/:id',
      secured('api-keys:revoke', {
        schema: {
          tags,
          summary: 'Revoke an API key: requests that present it get 401 from now on',
          params: apiKeyIdParamsSchema,
          response: { 204: z.undefined().describe('Revoked'), ...errorResponses(400, 404, 500) },
        },
      }),
      async (request, reply) => {
        await apiKeys.revoke(request.params.id, requireUser(request, reply).id, auditOrigin(request));
        return reply.code(204).send();
      },
    );
  },
};
