import { describe, expect, it } from 'vitest';
import { DOCS_PREFIX } from '../../src/app/docs.js';
import { useTestApp } from '../helpers/app.js';
import { compareRoutes, documentedOperations, recordServedRoutes } from '../helpers/served-routes.js';

const ctx = useTestApp();

/**
 * Served routes that rightly stay out of the document, each with its reason. Anything else served must
 * be documented: a route added with `schema: { hide: true }`, or without going through the docs, fails here.
 */
const EXCUSED = new Set([
  // Swagger UI itself (@fastify/swagger-ui): the page, its assets and the document in its own formats.
  `GET ${DOCS_PREFIX}`,
  `GET ${DOCS_PREFIX}/static/index.html`,
  `GET ${DOCS_PREFIX}/static/swagger-initializer.js`,
  `GET ${DOCS_PREFIX}/json`,
  `GET ${DOCS_PREFIX}/yaml`,
  `GET ${DOCS_PREFIX}/static/*`,
  // The document itself (src/app/docs.ts).
  `GET ${DOCS_PREFIX}/openapi.json`,
  // CORS preflight (@fastify/cors): OPTIONS on every path, answered before any route runs.
  'OPTIONS *',
]);

describe('OpenAPI document ↔ served routes', () => {
  it('documents every route the app serves, and serves every operation it documents', async () => {
    const { app, served } = await recordServedRoutes(() => ctx.build());
    const document = (await app.inject({ url: `${DOCS_PREFIX}/openapi.json` })).json();
    const documented = documentedOperations(document);

    expect(compareRoutes(served, documented, EXCUSED)).toEqual({ undocumented: [], unserved: [] });
    // The comparison saw the real thing: the probes, the users routes and their HEAD twins.
    expect(documented).toEqual(expect.arrayContaining(['GET /health/live', 'GET /api/v1/users', 'DELETE /api/v1/users/:id']));
    expect(served).toEqual(expect.arrayContaining([{ method: 'HEAD', url: '/api/v1/users/:id' }]));
    // Every excuse is still needed: a route that went away takes its excuse with it.
    const servedKeys = new Set(served.map(({ method, url }) => `${method} ${url}`));
    expect([...EXCUSED].filter((key) => !servedKeys.has(key))).toEqual([]);
  });

  it('catches a served route missing from the document', async () => {
    const { app, served } = await recordServedRoutes(() =>
      ctx.build({
        beforeReady: (instance) => {
          instance.get('/api/v1/internal-report', { schema: { hide: true } }, async () => ({ success: true, data: null }));
        },
      }),
    );
    const documented = documentedOperations((await app.inject({ url: `${DOCS_PREFIX}/openapi.json` })).json());
    expect(compareRoutes(served, documented, EXCUSED)).toEqual({
      undocumented: ['GET /api/v1/internal-report', 'HEAD /api/v1/internal-report'],
      unserved: [],
    });
  });

  it('catches a documented operation nothing serves', () => {
    const served = [{ method: 'GET', url: '/api/v1/users' }];
    const document = { paths: { '/api/v1/users': { get: {}, parameters: [] }, '/api/v1/ghosts/{id}': { delete: {} } } };
    expect(compareRoutes(served, documentedOperations(document), EXCUSED)).toEqual({ undocumented: [], unserved: ['DELETE /api/v1/ghosts/:id'] });
  });
});

describe('OpenAPI document: what every operation declares', () => {
  it('public operations say so, secured ones name their scheme; limited routes document the rate-limit headers', async () => {
    const document = (await ctx.app.inject({ url: `${DOCS_PREFIX}/openapi.json` })).json();
    const live = document.paths['/health/live'].get;
    expect(live.security).toEqual([{}]);
    // Health probes are exempt from rate limiting: no 429, no rate-limit headers; the request id, always.
    expect(Object.keys(live.responses['200'].headers).sort()).toEqual(['Access-Control-Allow-Origin', 'X-Request-Id']);

    const list = document.paths['/api/v1/users'].get;
    expect(list.security.length).toBeGreaterThan(0);
    expect(list.responses['200'].headers).toMatchObject({ 'X-RateLimit-Limit': { $ref: '#/components/headers/X-RateLimit-Limit' } });
    expect(list.responses['429'].headers).toMatchObject({ 'Retry-After': { $ref: '#/components/headers/Retry-After' } });
    expect(document.components.headers['X-RateLimit-Remaining'].schema).toMatchObject({ type: 'integer', format: 'int32' });

    const ids = documentedOperations(document).length;
    const operationIds = Object.values(document.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(new Set(operationIds).size).toBe(ids);
    expect(list.operationId).toBe('getUsers');

    // Only components something refers to (zod's registry makes a request twin of each: `UserInput`).
    const schemaNames = Object.keys(document.components.schemas);
    const text = JSON.stringify(document);
    expect(schemaNames.filter((name) => !text.includes(`"#/components/schemas/${name}"`))).toEqual([]);
  });
});
