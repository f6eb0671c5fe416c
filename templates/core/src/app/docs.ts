import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { securitySchemes } from '../middleware/access.js';
import type { AppInstance } from '../types/app.js';

export const DOCS_PREFIX = '/docs';

/**
 * OpenAPI 3.1 generated from the same zod schemas that validate requests, served raw at
 * /docs/openapi.json and as Swagger UI at /docs. Must be registered before the routes it documents.
 */
export async function registerDocs(app: AppInstance, info: { title: string; version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { ...info, description: 'Responses use the envelope { success, data } / { success: false, error }.' },
      tags: [
        { name: 'users', description: 'User accounts' },
        { name: 'health', description: 'Liveness and readiness probes' },
      ],
      // How secured routes authenticate; each of them names its scheme in `security`.
      components: { securitySchemes },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    // The UI needs scripts and styles the API's CSP forbids; this policy applies to the docs routes only.
    // It still refuses to be framed, and drops upgrade-insecure-requests, which would break the page
    // over plain http://localhost in some browsers (HSTS already covers HTTPS deployments).
    staticCSP: true,
    transformStaticCSP: (header) =>
      header.replace("frame-ancestors 'self'", "frame-ancestors 'none'").replace(/\s*upgrade-insecure-requests;?/, ''),
  });

  app.get(`${DOCS_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());
}
