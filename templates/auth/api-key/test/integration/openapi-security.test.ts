import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

// The RBAC rules themselves are tested for every mode in rbac.test.ts.
const ctx = useTestApp();

describe('OpenAPI security', () => {
  it('declares both API-key schemes; every protected route accepts either and documents 401, 403 and 429', async () => {
    const doc = (await ctx.app.inject({ url: '/docs/openapi.json' })).json();
    expect(doc.components.securitySchemes).toEqual({
      bearerApiKey: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      apiKeyHeader: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-api-key' }),
    });
    const errorRef = { $ref: '#/components/schemas/ErrorResponse' };

    const secured: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, { security?: unknown; responses: Record<string, { content: Record<string, { schema: unknown }> }> }>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (path.startsWith('/api/v1/')) {
          secured.push(where);
          expect(operation.security, where).toEqual([{ bearerApiKey: [] }, { apiKeyHeader: [] }]);
          for (const status of ['401', '403', '429']) {
            expect(operation.responses[status]?.content['application/json']?.schema, `${where} ${status}`).toEqual(errorRef);
          }
        } else {
          // Public: OpenAPI's empty requirement says no credentials are needed (src/app/openapi-document.ts).
          expect(operation.security, where).toEqual([{}]);
          expect(operation.responses['429'], where).toBeUndefined();
        }
      }
    }
    // Every API route is protected: 6 users routes, 3 api-keys routes and those of optional features; no /auth routes at all.
    expect(secured.filter((route) => /^\S+ \/api\/v1\/(users|api-keys)\b/.test(route)).sort()).toEqual([
      'DELETE /api/v1/api-keys/{id}',
      'DELETE /api/v1/users/{id}',
      'GET /api/v1/api-keys',
      'GET /api/v1/users',
      'GET /api/v1/users/me',
      'GET /api/v1/users/{id}',
      'PATCH /api/v1/users/{id}',
      'POST /api/v1/api-keys',
      'POST /api/v1/users',
    ]);
    const created = doc.paths['/api/v1/api-keys'].post.responses['201'].content['application/json'].schema;
    expect(JSON.stringify(created)).toContain('CreatedApiKey');
    expect(JSON.stringify(doc.components.schemas.ApiKey)).not.toMatch(/"key"|keyHash|key_hash/);
  });
});
