import { describe, expect, it } from 'vitest';
import { healthChecks } from '../../src/app/health-checks.js';
import { createShutdown } from '../../src/app/shutdown.js';
import { createDatabase } from '../../src/lib/database.js';
import { SECURED_ROUTE_ERRORS } from '../../src/middleware/access.js';
import { useTestApp } from '../helpers/app.js';
import { asAdmin } from '../helpers/auth.js';
import { expectedDatabaseKind, unreachableDatabaseEnv } from '../helpers/database-env.js';
import { testEnv } from '../helpers/env.js';

const ctx = useTestApp();

describe('test database', () => {
  it('is the one test/helpers/database-env.ts chose (the real server when its variable is set)', () => {
    expect(ctx.deps.database.kind).toBe(expectedDatabaseKind());
  });
});

describe('health probes', () => {
  it('/health/live → 200 {"status":"ok"}', async () => {
    const response = await ctx.app.inject({ url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/health/ready → 200 when the database (and every other registered check) answers', async () => {
    const response = await ctx.app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    const everyCheck = Object.fromEntries(healthChecks.map(({ name }) => [name, 'ok']));
    // Checks may add figures (a queue's depth) under `details`; the outcomes are what readiness decides on.
    expect(response.json()).toMatchObject({ status: 'ready', checks: { ...everyCheck, database: 'ok' } });
  });

  it('/health/ready → 503 when the database ping fails', async () => {
    const database = { ...ctx.testDb.database, ping: async () => Promise.reject(new Error('connection refused')) };
    const { app } = await ctx.build({ deps: { database } });
    const response = await app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    // Other features may register checks of their own; the database's decides here.
    expect(response.json()).toMatchObject({ status: 'not ready', checks: { database: 'fail' } });
  });

  it('report an unreachable database as 503, on the probe and on the API', async () => {
    const database = await createDatabase(testEnv(unreachableDatabaseEnv()));
    try {
      const built = await ctx.build({ deps: { database } });
      const ready = await built.app.inject({ url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'not ready', checks: { database: 'fail' } });
      const api = await asAdmin(built).inject({ url: '/api/v1/users' });
      expect(api.statusCode).toBe(503);
      expect(api.json()).toEqual({ success: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'Database unavailable' } });
    } finally {
      await database.close();
    }
  });

  it('are not versioned: nothing under /api/v1/health', async () => {
    expect((await ctx.app.inject({ url: '/api/v1/health/live' })).statusCode).toBe(404);
  });
});

describe('graceful shutdown of a listening server', () => {
  it('lets an in-flight request finish, stops accepting connections, then runs the hooks', async () => {
    const events: string[] = [];
    // Resolved when the handler runs: waiting on it, not on a fixed sleep, keeps the test right on a busy machine.
    let reachedHandler!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (reachedHandler = resolve));
    const { app, deps } = await ctx.build({
      beforeReady: (instance) => {
        instance.get('/api/v1/slow', async () => {
          reachedHandler();
          await new Promise((resolve) => setTimeout(resolve, 300));
          events.push('slow request finished');
          return { success: true, data: null };
        });
      },
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const inFlight = fetch(`${address}/api/v1/slow`);
    await handlerStarted;

    const shutdown = createShutdown({
      app,
      deps,
      hooks: [{ name: 'record', run: async () => void events.push('hook ran') }],
      timeoutMs: 5000,
    });
    const startedAt = Date.now();
    const exitCode = shutdown('SIGTERM');
    expect(deps.lifecycle.isShuttingDown).toBe(true);
    // The listening socket is closed at once: a new connection is refused while the old request runs.
    await expect(fetch(`${address}/health/live`)).rejects.toThrow();

    expect((await inFlight).status).toBe(200);
    expect(await exitCode).toBe(0);
    expect(events).toEqual(['slow request finished', 'hook ran']);
    // Done as soon as the request is: its keep-alive connection must not hold shutdown until the timeout.
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });
});

describe('OpenAPI document', () => {
  it('documents every route with its parameters, bodies and error responses', async () => {
    const response = await ctx.app.inject({ url: '/docs/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    // Other modules (auth, …) add their own paths; nothing outside /api/v1 and the probes is documented.
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/users', '/api/v1/users/{id}', '/health/live', '/health/ready']),
    );
    expect(Object.keys(doc.paths).filter((path) => !/^\/(api\/v1|health)\//.test(path))).toEqual([]);
    expect(Object.keys(doc.paths['/api/v1/users']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/users/{id}']).sort()).toEqual(['delete', 'get', 'patch']);

    const list = doc.paths['/api/v1/users'].get;
    expect(list.parameters.map((p: { name: string }) => p.name).sort()).toEqual(
      ['cursor', 'fields', 'limit', 'page', 'role', 'search', 'sort', 'status'],
    );
    const create = doc.paths['/api/v1/users'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['email', 'name']);
    // 429 on every rate-limited route; 401/403 where the auth mode secures the route.
    const statuses = [201, 400, 409, 413, 415, 429, 500, ...SECURED_ROUTE_ERRORS];
    expect(Object.keys(create.responses).sort()).toEqual(statuses.map(String).sort());
    expect(create.responses['409'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
    expect(doc.components.schemas.ErrorResponse.properties.error.properties.code.enum).toContain('VALIDATION_ERROR');
    expect(doc.paths['/api/v1/users/{id}'].get.parameters[0]).toMatchObject({ in: 'path', name: 'id', required: true });
  });

  it('serves Swagger UI at /docs with a CSP relaxed for that page only', async () => {
    const response = await ctx.app.inject({ url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('DOCS_ENABLED=false turns both off', async () => {
    const { app } = await ctx.build({ env: { DOCS_ENABLED: 'false' } });
    for (const url of ['/docs', '/docs/openapi.json', '/docs/json']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
  });
});
