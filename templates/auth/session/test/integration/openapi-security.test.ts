import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

// The RBAC rules, the first admin and the rate limits are tested for every mode (rbac, admin-seed-and-limits).
const ctx = useTestApp();

describe('OpenAPI security', () => {
  it('declares the cookie and CSRF schemes; every protected route requires them and documents 401, 403 and 429', async () => {
    const doc = (await ctx.app.inject({ url: '/docs/openapi.json' })).json();
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'sid' });
    expect(doc.components.securitySchemes.csrfToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-csrf-token' });
    const errorRef = { $ref: '#/components/schemas/ErrorResponse' };

    const secured: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, { security?: unknown; responses: Record<string, { content: Record<string, { schema: unknown }> }> }>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        // Every API route but the /auth ones (the users routes, and those of optional features) is protected; so is /auth/csrf.
        if ((path.startsWith('/api/v1/') && !path.startsWith('/api/v1/auth/')) || path === '/api/v1/auth/csrf') {
          secured.push(where);
          // Reads need the session; writes need its CSRF token too.
          const expected = method === 'get' ? { sessionCookie: [] } : { sessionCookie: [], csrfToken: [] };
          expect(operation.security, where).toEqual([expected]);
          for (const status of ['401', '403', '429']) {
            expect(operation.responses[status]?.content['application/json']?.schema, `${where} ${status}`).toEqual(errorRef);
          }
        } else if (path.startsWith('/api/v1/auth/')) {
          // Public: OpenAPI's empty requirement says no credentials are needed (src/app/openapi-document.ts).
          expect(operation.security, where).toEqual([{}]);
          expect(operation.responses['429'], where).toBeDefined();
        } else {
          expect(operation.responses['429'], where).toBeUndefined();
        }
      }
    }
    expect(secured).toEqual(expect.arrayContaining([...['DELETE /api/v1/users/{id}', 'GET /api/v1/users', 'GET /api/v1/users/me', 'GET /api/v1/users/{id}', 'PATCH /api/v1/users/{id}', 'POST /api/v1/users'], 'GET /api/v1/auth/csrf']));
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/auth/')).sort()).toEqual([
      '/api/v1/auth/csrf',
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/auth/password/forgot',
      '/api/v1/auth/password/reset',
      '/api/v1/auth/register',
    ]);
  });
});
