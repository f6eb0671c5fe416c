import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { login, PASSWORD, register, withSession, type Session } from '../helpers/accounts.js';

// --auth session: cookie-authenticated writes must echo the session's CSRF token in x-csrf-token, and
// another site cannot log the browser in either.
const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000' } });

async function loggedIn(email: string): Promise<Session> {
  await register(ctx.app, email);
  return login(ctx.app, email);
}

describe('GET /api/v1/auth/csrf', () => {
  it('gives the session its token (not cacheable); 401 without a session', async () => {
    const session = await loggedIn('token@example.com');
    const response = await ctx.app.inject({ url: '/api/v1/auth/csrf', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({ success: true, data: { csrfToken: session.csrfToken } });
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const anonymous = await ctx.app.inject({ url: '/api/v1/auth/csrf' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHORIZED');
  });

  it('is bound to the session: stable within it, different for every other session', async () => {
    const first = await loggedIn('bound@example.com');
    const again = await ctx.app.inject({ url: '/api/v1/auth/csrf', headers: { cookie: first.cookie } });
    expect(again.json().data.csrfToken).toBe(first.csrfToken);
    const second = await login(ctx.app, 'bound@example.com');
    expect(second.csrfToken).not.toBe(first.csrfToken);
  });
});

describe('cookie-authenticated writes', () => {
  it('POST, PATCH and DELETE without the token, or with a wrong one, get 403 FORBIDDEN and change nothing', async () => {
    const session = await loggedIn('writer@example.com');
    const other = await loggedIn('other@example.com');
    const id = session.user.id;
    const writes = [
      { method: 'PATCH', url: `/api/v1/users/${id}`, payload: { name: 'Forged' } },
      { method: 'DELETE', url: `/api/v1/users/${id}` },
      { method: 'POST', url: '/api/v1/users', payload: { email: 'made@example.com', name: 'Made' } },
    ] as const;
    const tokens: (string | undefined)[] = [undefined, '', 'x'.repeat(43), other.csrfToken, `${session.csrfToken}x`, session.csrfToken.slice(1)];
    for (const write of writes) {
      for (const token of tokens) {
        const headers = { cookie: session.cookie, ...(token === undefined ? {} : { 'x-csrf-token': token }) };
        const response = await ctx.app.inject({ ...write, headers });
        expect(response.statusCode, `${write.method} ${write.url} with ${String(token)}`).toBe(403);
        expect(response.json().error).toEqual({
          code: 'FORBIDDEN',
          message: 'Missing or invalid CSRF token: send the token from GET /api/v1/auth/csrf in x-csrf-token',
        });
      }
    }
    const me = await ctx.app.inject({ url: '/api/v1/users/me', headers: { cookie: session.cookie } });
    expect(me.json().data.name).toBe('writer');
  });

  it('with the right token the write goes through (2xx)', async () => {
    const session = await loggedIn('right@example.com');
    const client = withSession(ctx.app, session);
    const renamed = await client.inject({ method: 'PATCH', url: `/api/v1/users/${session.user.id}`, payload: { name: 'Renamed' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().data.name).toBe('Renamed');
  });

  it('safe methods need no token; the check comes after authentication and before the body is read', async () => {
    const session = await loggedIn('order@example.com');
    expect((await ctx.app.inject({ url: `/api/v1/users/${session.user.id}`, headers: { cookie: session.cookie } })).statusCode).toBe(200);

    const broken = { 'content-type': 'application/json' };
    const url = `/api/v1/users/${session.user.id}`;
    const anonymous = await ctx.app.inject({ method: 'PATCH', url, headers: broken, payload: '{"broken' });
    expect(anonymous.statusCode).toBe(401);
    const tokenless = await ctx.app.inject({ method: 'PATCH', url, headers: { ...broken, cookie: session.cookie }, payload: '{"broken' });
    expect(tokenless.statusCode).toBe(403);
    const parsed = await ctx.app.inject({ method: 'PATCH', url, headers: { ...broken, cookie: session.cookie, 'x-csrf-token': session.csrfToken }, payload: '{"broken' });
    expect(parsed.statusCode).toBe(400);
  });
});

describe('login CSRF: another site cannot log the browser in', () => {
  const from = (app: typeof ctx.app, origin: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin }, payload: { email: 'site@example.com', password: PASSWORD } });

  it('refuses (403, no cookie) an Origin that is neither this API nor in CORS_ORIGINS, before reading the body', async () => {
    await register(ctx.app, 'site@example.com');
    for (const origin of ['https://evil.example.com', 'null', 'http://localhost:8080']) {
      const response = await from(ctx.app, origin);
      expect(response.statusCode, origin).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    const unread = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example.com', 'content-type': 'application/json' },
      payload: '{"broken',
    });
    expect(unread.statusCode).toBe(403);
  });

  it('accepts the API\'s own origin, a listed origin, and clients that send no Origin', async () => {
    await register(ctx.app, 'site@example.com');
    expect((await from(ctx.app, 'http://localhost')).statusCode).toBe(200);
    const { app } = await ctx.build({ env: { AUTH_RATE_LIMIT_MAX: '10000', CORS_ORIGINS: 'https://app.example.com' } });
    expect((await from(app, 'https://app.example.com')).statusCode).toBe(200);
    expect((await from(app, 'https://evil.example.com')).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'site@example.com', password: PASSWORD } })).statusCode).toBe(200);
  });
});

describe('front ends on another origin of the same site (CORS_ORIGINS)', () => {
  it('a listed origin may send the cookie and x-csrf-token; any other gets no CORS grant', async () => {
    const { app } = await ctx.build({ env: { CORS_ORIGINS: 'https://app.example.com' } });
    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/api/v1/users/me',
        headers: { origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'content-type,x-csrf-token' },
      });

    const listed = await preflight('https://app.example.com');
    expect(listed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(listed.headers['access-control-allow-credentials']).toBe('true');
    expect(String(listed.headers['access-control-allow-headers'])).toContain('x-csrf-token');
    const get = await app.inject({ url: '/health/live', headers: { origin: 'https://app.example.com' } });
    expect(get.headers['access-control-allow-credentials']).toBe('true');

    const unlisted = await preflight('https://evil.example.com');
    expect(unlisted.headers['access-control-allow-origin']).toBeUndefined();
    expect(unlisted.headers['access-control-allow-credentials']).toBeUndefined();
  });
});
