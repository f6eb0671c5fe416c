import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { refreshTokens } from '../../src/db/refresh-token-schema.js';
import { createAccessTokens } from '../../src/lib/auth/access-tokens.js';
import { hashSecretToken } from '../../src/lib/auth/secret-tokens.js';
import { useTestApp } from '../helpers/app.js';
import { bearer, login, PASSWORD, register, withToken } from '../helpers/accounts.js';
import { FakeClock } from '../helpers/clock.js';

// Auth routes have a strict rate limit of their own; these tests are about the flows, not the limit.
const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000' } });

const post = (url: string, payload: object) => ctx.app.inject({ method: 'POST', url: `/api/v1/auth/${url}`, payload });

describe('POST /api/v1/auth/login', () => {
  it('returns access_token, refresh_token, expires_in and token_type Bearer; the access token carries sub and role', async () => {
    const user = await register(ctx.app, 'alan@example.com');
    const response = await post('login', { email: ' ALAN@example.com', password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const data = response.json().data;
    expect(Object.keys(data).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type']);
    expect(data).toMatchObject({ expires_in: 900, token_type: 'Bearer' });
    expect(decodeJwt(data.access_token)).toMatchObject({ sub: user.id, role: 'user' });
    expect(Buffer.from(data.refresh_token, 'base64url').length).toBeGreaterThanOrEqual(32);

    const [stored] = await ctx.testDb.database.db.select().from(refreshTokens).where(eq(refreshTokens.userId, user.id));
    expect(stored?.tokenHash).toBe(hashSecretToken(data.refresh_token));
  });
});

describe('refresh tokens', () => {
  it('rotate: a refresh returns a new pair and the old refresh token stops working', async () => {
    await register(ctx.app, 'rotate@example.com');
    const first = await login(ctx.app, 'rotate@example.com');
    const refreshed = await post('refresh', { refresh_token: first.refresh_token });
    expect(refreshed.statusCode).toBe(200);
    const second = refreshed.json().data;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.access_token).sub).toBe(decodeJwt(first.access_token).sub);

    const again = await post('refresh', { refresh_token: first.refresh_token });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('UNAUTHORIZED');
  });

  it('reuse of a rotated token revokes the whole family, and only that family', async () => {
    await register(ctx.app, 'reuse@example.com');
    const stolen = await login(ctx.app, 'reuse@example.com');
    const otherDevice = await login(ctx.app, 'reuse@example.com');
    const legit = (await post('refresh', { refresh_token: stolen.refresh_token })).json().data;
    const newest = (await post('refresh', { refresh_token: legit.refresh_token })).json().data;

    // The thief replays the first token: refused, and every descendant of that login dies with it.
    expect((await post('refresh', { refresh_token: stolen.refresh_token })).statusCode).toBe(401);
    expect((await post('refresh', { refresh_token: newest.refresh_token })).statusCode).toBe(401);
    // Another login of the same user is another family: untouched.
    expect((await post('refresh', { refresh_token: otherDevice.refresh_token })).statusCode).toBe(200);
  });

  it('refuses unknown and expired refresh tokens', async () => {
    expect((await post('refresh', { refresh_token: 'made-up' })).statusCode).toBe(401);
    const clock = new FakeClock();
    const { app } = await ctx.build({ deps: { auth: { clock } } });
    await register(app, 'expiring@example.com');
    const pair = await login(app, 'expiring@example.com');
    clock.advance(1209600 * 1000 + 1000);
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: pair.refresh_token } });
    expect(response.statusCode).toBe(401);
  });

  it('reflect a role change at the next refresh', async () => {
    const user = await register(ctx.app, 'promoted@example.com');
    const pair = await login(ctx.app, 'promoted@example.com');
    await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { role: 'admin' } });
    const refreshed = (await post('refresh', { refresh_token: pair.refresh_token })).json().data;
    expect(decodeJwt(refreshed.access_token).role).toBe('admin');
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('answers 204 and revokes the refresh token; unknown tokens get 204 too', async () => {
    await register(ctx.app, 'bye@example.com');
    const pair = await login(ctx.app, 'bye@example.com');
    const response = await post('logout', { refresh_token: pair.refresh_token });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await post('refresh', { refresh_token: pair.refresh_token })).statusCode).toBe(401);
    expect((await post('logout', { refresh_token: 'never-issued' })).statusCode).toBe(204);
  });
});

describe('GET /api/v1/users/me and bearer tokens', () => {
  const me = (headers: Record<string, string> = {}) => ctx.app.inject({ url: '/api/v1/users/me', headers });

  async function signed(claims: { iss?: string; aud?: string; exp?: number }, secret = ctx.deps.env.JWT_SECRET) {
    const user = await register(ctx.app, `${randomUUID()}@example.com`);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ role: 'user' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(claims.iss ?? ctx.deps.env.JWT_ISSUER)
      .setAudience(claims.aud ?? ctx.deps.env.JWT_AUDIENCE)
      .setIssuedAt(now - 3600)
      .setExpirationTime(claims.exp ?? now + 60)
      .sign(new TextEncoder().encode(secret));
  }

  it('returns the current user', async () => {
    const user = await register(ctx.app, 'me@example.com');
    const { access_token } = await login(ctx.app, 'me@example.com');
    const response = await withToken(ctx.app, access_token).inject({ url: '/api/v1/users/me' });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toEqual(user);
  });

  it('401 UNAUTHORIZED without a token, with a www-authenticate challenge', async () => {
    const response = await me();
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHORIZED');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('401 TOKEN_EXPIRED for an expired token', async () => {
    const response = await me(bearer(await signed({ exp: Math.floor(Date.now() / 1000) - 10 })));
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toEqual({ code: 'TOKEN_EXPIRED', message: 'Access token has expired' });
  });

  it('401 UNAUTHORIZED for alg:none, tampered, foreign-secret, wrong-issuer and wrong-audience tokens', async () => {
    const good = await signed({});
    const [header, payload, signature] = good.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const escalated = Buffer.from(JSON.stringify({ ...decodeJwt(good), role: 'admin' })).toString('base64url');
    const forged = [
      `${none}.${payload}.`,
      `${header}.${escalated}.${signature}`,
      await signed({}, 'another-secret-that-is-long-enough-to-sign'),
      await signed({ iss: 'https://evil.example.com' }),
      await signed({ aud: 'some-other-api' }),
      'garbage',
    ];
    for (const token of forged) {
      const response = await me(bearer(token));
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toEqual({ code: 'UNAUTHORIZED', message: 'Invalid access token' });
      expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    }
    expect((await me(bearer(good))).statusCode).toBe(200);
    expect((await me({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })).statusCode).toBe(401);
  });

  it('is 401 for a valid token of a deleted account', async () => {
    const user = await register(ctx.app, 'deleted@example.com');
    const { access_token } = await login(ctx.app, 'deleted@example.com');
    await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/users/${user.id}` });
    expect((await me(bearer(access_token))).statusCode).toBe(401);
  });

  it('public routes ignore a stale token: refresh works while the access token is expired', async () => {
    await register(ctx.app, 'stale@example.com');
    const pair = await login(ctx.app, 'stale@example.com');
    const clock = new FakeClock(Date.now() - 3600_000);
    const expired = await createAccessTokens({
      secret: ctx.deps.env.JWT_SECRET,
      issuer: ctx.deps.env.JWT_ISSUER,
      audience: ctx.deps.env.JWT_AUDIENCE,
      ttlSeconds: 60,
      clock,
    }).sign({ id: randomUUID(), role: 'user' });
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: bearer(expired),
      payload: { refresh_token: pair.refresh_token },
    });
    expect(response.statusCode).toBe(200);
  });
});
