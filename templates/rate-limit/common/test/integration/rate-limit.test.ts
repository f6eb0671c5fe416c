import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

const ctx = useTestApp();
const SOME_ID = '00000000-0000-4000-8000-000000000000';

// Works in every auth mode: anonymous requests are counted per client IP.
describe('rate limiting', () => {
  it('sends x-ratelimit-* headers, then refuses with 429 RATE_LIMITED and retry-after, per client IP', async () => {
    const { app } = await ctx.build({ env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW: '60' } });
    const get = (ip: string) => app.inject({ url: `/api/v1/users/${SOME_ID}`, remoteAddress: ip });

    for (const remaining of ['2', '1', '0']) {
      const response = await get('10.0.0.1');
      expect(response.statusCode).not.toBe(429);
      expect(response.headers['x-ratelimit-limit']).toBe('3');
      expect(response.headers['x-ratelimit-remaining']).toBe(remaining);
      expect(Number(response.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
      expect(Number(response.headers['x-ratelimit-reset'])).toBeLessThanOrEqual(60);
    }

    const refused = await get('10.0.0.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(refused.json()).toEqual({ success: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many requests/) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(refused.headers['x-request-id']).toBeDefined();

    // Another client is counted on its own.
    expect((await get('10.0.0.2')).statusCode).not.toBe(429);
  });

  it('never limits the health probes or the docs', async () => {
    const { app } = await ctx.build({ env: { RATE_LIMIT_MAX: '1' } });
    for (let i = 0; i < 5; i += 1) {
      for (const url of ['/health/live', '/health/ready', '/docs/openapi.json']) {
        const response = await app.inject({ url, remoteAddress: '10.0.0.9' });
        expect(response.statusCode).toBe(200);
        expect(response.headers['x-ratelimit-limit']).toBeUndefined();
      }
    }
    expect((await app.inject({ url: `/api/v1/users/${SOME_ID}`, remoteAddress: '10.0.0.9' })).statusCode).not.toBe(429);
    expect((await app.inject({ url: `/api/v1/users/${SOME_ID}`, remoteAddress: '10.0.0.9' })).statusCode).toBe(429);
  });
});
