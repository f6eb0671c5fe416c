import { describe, expect, it } from 'vitest';
import type { AppInstance } from '../../src/types/app.js';
import { useTestApp } from '../helpers/app.js';
import { asAdmin } from '../helpers/auth.js';
import { productionEnv } from '../helpers/env.js';
import { captureLogs } from '../helpers/log-capture.js';

const ctx = useTestApp();

describe('error envelope for Fastify-level failures', () => {
  it('unknown route → 404 NOT_FOUND', async () => {
    const response = await ctx.app.inject({ url: '/api/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json()).toEqual({
      success: false,
      error: { code: 'NOT_FOUND', message: 'Route GET /api/v1/nothing-here not found' },
    });
  });

  it('malformed JSON → 400 VALIDATION_ERROR; empty JSON body → 400', async () => {
    const malformed = await ctx.admin.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toEqual({
      success: false,
      error: { code: 'VALIDATION_ERROR', message: 'Request body is not valid JSON' },
    });
    const empty = await ctx.admin.inject({ method: 'POST', url: '/api/v1/users', headers: { 'content-type': 'application/json' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('VALIDATION_ERROR');
  });

  it('non-JSON body → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await ctx.admin.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { 'content-type': type },
        payload: 'email=a@b.c',
      });
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('body over BODY_LIMIT_BYTES → 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await asAdmin(await ctx.build({ env: { BODY_LIMIT_BYTES: '1024' } })).inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'big@example.com', name: 'x'.repeat(2000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'Request body is larger than 1024 bytes' });
  });
});

describe('x-request-id', () => {
  it('echoes an acceptable incoming id, on successes and errors alike', async () => {
    for (const url of ['/health/live', '/api/v1/users/not-a-uuid', '/missing']) {
      const response = await ctx.app.inject({ url, headers: { 'x-request-id': 'trace-1.2:abc_DEF' } });
      expect(response.headers['x-request-id']).toBe('trace-1.2:abc_DEF');
    }
  });

  it('replaces a missing, too long or unsafe id with a fresh UUID', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const seen = new Set<string>();
    for (const incoming of [undefined, 'x'.repeat(129), 'has space', 'semi;colon', '']) {
      const headers = incoming === undefined ? {} : { 'x-request-id': incoming };
      const response = await ctx.app.inject({ url: '/health/live', headers });
      const id = String(response.headers['x-request-id']);
      expect(id).toMatch(uuid);
      seen.add(id);
    }
    expect(seen.size).toBe(5);
  });

  it('puts the id on every log line of the request, as requestId', async () => {
    const { records: lines, logger } = captureLogs();
    const { app } = await ctx.build({ logger });
    await app.inject({ url: '/health/live', headers: { 'x-request-id': 'log-me-123' } });
    const mine = lines.filter((line) => line.requestId === 'log-me-123');
    expect(mine.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    expect(mine[1]).toMatchObject({ res: { statusCode: 200 } });
    expect(typeof mine[1]?.responseTime).toBe('number');
  });
});

describe('security headers', () => {
  it('are on every response', async () => {
    for (const url of ['/health/live', '/api/v1/users', '/nope']) {
      const response = await ctx.app.inject({ url });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('CORS', () => {
  it('allows a preflight for PATCH from a listed origin and refuses another origin', async () => {
    const { app } = await ctx.build({ env: { CORS_ORIGINS: 'https://app.example.com, https://admin.example.com' } });
    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/api/v1/users/00000000-0000-4000-8000-000000000000',
        headers: { origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'content-type' },
      });

    const allowed = await preflight('https://admin.example.com');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example.com');
    expect(String(allowed.headers['access-control-allow-methods'])).toContain('PATCH');

    const refused = await preflight('https://evil.example.com');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();

    const simple = await app.inject({ url: '/health/live', headers: { origin: 'https://app.example.com' } });
    expect(simple.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(simple.headers.vary).toContain('Origin');
  });

  it('sends no CORS headers when CORS_ORIGINS is empty', async () => {
    const response = await ctx.app.inject({ url: '/health/live', headers: { origin: 'https://app.example.com' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('unexpected errors', () => {
  const boom = (app: AppInstance) => {
    app.get('/api/v1/boom', async () => {
      throw new Error('select * from secrets where path = /srv/app/src/secret.ts');
    });
  };

  it('are masked in production: 500 "Internal server error", no stack, SQL or path; logged with the request id', async () => {
    const { records: lines, logger } = captureLogs();
    const { app } = await ctx.build({
      env: productionEnv(),
      logger,
      beforeReady: boom,
    });
    const response = await app.inject({ url: '/api/v1/boom', headers: { 'x-request-id': 'boom-1' } });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ success: false, error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
    expect(response.body).not.toMatch(/select|secret|\/srv|at .*\.ts/);

    const logged = lines.find((line) => line.level === 'error' && line.requestId === 'boom-1');
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('select * from secrets');
  });

  it('keep their message outside production, still without a stack', async () => {
    const { app } = await ctx.build({ beforeReady: boom });
    const body = (await app.inject({ url: '/api/v1/boom' })).json();
    expect(body.error.code).toBe('INTERNAL_ERROR');
    expect(body.error.message).toContain('select * from secrets');
    expect(JSON.stringify(body)).not.toContain('at ');
  });
});

describe('during shutdown', () => {
  it('refuses new API requests with 503 SERVICE_UNAVAILABLE but still answers the probes', async () => {
    const { app, deps } = await ctx.build();
    deps.lifecycle.beginShutdown();
    const api = await app.inject({ url: '/api/v1/users' });
    expect(api.statusCode).toBe(503);
    expect(api.json().error.code).toBe('SERVICE_UNAVAILABLE');
    expect(api.headers.connection).toBe('close');
    expect(api.headers['x-request-id']).toBeDefined();
    expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(503);
  });
});
