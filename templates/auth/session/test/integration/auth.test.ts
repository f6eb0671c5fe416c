import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/session-schema.js';
import { hashSecretToken } from '../../src/lib/auth/secret-tokens.js';
import { useTestApp } from '../helpers/app.js';
import { login, PASSWORD, register, setCookie, withSession } from '../helpers/accounts.js';
import { FakeClock } from '../helpers/clock.js';

// Auth routes have a strict rate limit of their own; these tests are about the flows, not the limit.
const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000' } });

const post = (url: string, payload: object) => ctx.app.inject({ method: 'POST', url: `/api/v1/auth/${url}`, payload });
const me = (cookie?: string) => ctx.app.inject({ url: '/api/v1/users/me', headers: cookie === undefined ? {} : { cookie } });

describe('POST /api/v1/auth/login', () => {
  it('sets an HttpOnly, Secure, SameSite=Lax session cookie (256-bit id, stored hashed) and returns only the user', async () => {
    const user = await register(ctx.app, 'alan@example.com');
    const response = await post('login', { email: ' ALAN@example.com', password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({ success: true, data: user });

    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^sid=[A-Za-z0-9_-]{43}; Max-Age=604800; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const id = String(setCookie(response)).slice('sid='.length);
    expect(Buffer.from(id, 'base64url').length).toBe(32);
    expect(response.body).not.toContain(id);

    const stored = await ctx.testDb.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ tokenHash: hashSecretToken(id), role: 'user' });
    expect(JSON.stringify(stored)).not.toContain(id);
  });
});

describe('sessions', () => {
  it('the session authenticates GET /users/me and the user\'s own routes', async () => {
    const user = await register(ctx.app, 'me@example.com');
    const session = await login(ctx.app, 'me@example.com');
    const response = await me(session.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toEqual(user);
    const renamed = await withSession(ctx.app, session).inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { name: 'Me Too' } });
    expect(renamed.statusCode).toBe(200);
  });

  it('401 UNAUTHORIZED without a cookie, and for a made-up, malformed or bearer-sent session id', async () => {
    const none = await me();
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toEqual({ code: 'UNAUTHORIZED', message: 'Authentication required' });

    await register(ctx.app, 'real@example.com');
    const real = await login(ctx.app, 'real@example.com');
    const id = real.cookie.slice('sid='.length);
    const forged = [`sid=${'A'.repeat(43)}`, 'sid=garbage', `sid=${id.slice(0, -1)}B`, `sid=${id}x`, `other=${id}`];
    for (const cookie of forged) {
      const response = await me(cookie);
      expect(response.statusCode, cookie).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHORIZED');
    }
    expect((await ctx.app.inject({ url: '/api/v1/users/me', headers: { authorization: `Bearer ${id}` } })).statusCode).toBe(401);
    expect((await me(real.cookie)).statusCode).toBe(200);
  });

  it('no fixation: login replaces a pre-set session cookie with a new id, and the pre-set session ends', async () => {
    const victim = await register(ctx.app, 'victim@example.com');
    await register(ctx.app, 'attacker@example.com');
    // The attacker plants its own live session in the victim's browser, then the victim logs in.
    const planted = await login(ctx.app, 'attacker@example.com');
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: planted.cookie },
      payload: { email: 'victim@example.com', password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const fresh = setCookie(response);
    expect(fresh).toMatch(/^sid=[A-Za-z0-9_-]{43}$/);
    expect(fresh).not.toBe(planted.cookie);
    expect((await me(fresh)).json().data.id).toBe(victim.id);
    expect((await me(planted.cookie)).statusCode).toBe(401);

    // A made-up id chosen in advance is never adopted either.
    const chosen = `sid=${'f'.repeat(43)}`;
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: chosen },
      payload: { email: 'victim@example.com', password: PASSWORD },
    });
    expect(setCookie(again)).not.toBe(chosen);
    expect((await me(chosen)).statusCode).toBe(401);
  });

  it('each login is a session of its own', async () => {
    await register(ctx.app, 'two@example.com');
    const laptop = await login(ctx.app, 'two@example.com');
    const phone = await login(ctx.app, 'two@example.com');
    expect(laptop.cookie).not.toBe(phone.cookie);
    expect(laptop.csrfToken).not.toBe(phone.csrfToken);
    await withSession(ctx.app, laptop).inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect((await me(laptop.cookie)).statusCode).toBe(401);
    expect((await me(phone.cookie)).statusCode).toBe(200);
  });

  it('end SESSION_TTL after login, however busy', async () => {
    const clock = new FakeClock();
    const { app } = await ctx.build({ deps: { auth: { clock } } });
    await register(app, 'expiring@example.com');
    const session = await login(app, 'expiring@example.com');
    const get = () => app.inject({ url: '/api/v1/users/me', headers: { cookie: session.cookie } });
    clock.advance(604800 * 1000 - 1000);
    expect((await get()).statusCode).toBe(200);
    clock.advance(1000);
    const ended = await get();
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error).toEqual({ code: 'UNAUTHORIZED', message: 'Session expired or invalid: log in again' });
  });

  it('with SESSION_IDLE_TIMEOUT, end after that long without a request (never past SESSION_TTL)', async () => {
    const clock = new FakeClock();
    const { app } = await ctx.build({ env: { SESSION_IDLE_TIMEOUT: '600', SESSION_TTL: '1500' }, deps: { auth: { clock } } });
    await register(app, 'idle@example.com');
    const busy = await login(app, 'idle@example.com');
    const idle = await login(app, 'idle@example.com');
    const get = (cookie: string) => app.inject({ url: '/api/v1/users/me', headers: { cookie } });
    // Busy: a request every 500 s keeps it alive...
    for (const at of [500, 1000]) {
      clock.advance(500_000);
      expect((await get(busy.cookie)).statusCode, `t=${at}s`).toBe(200);
    }
    // ...while the other, untouched since login, ended at 600 s.
    expect((await get(idle.cookie)).statusCode).toBe(401);
    // And the busy one still ends at SESSION_TTL (1500 s).
    clock.advance(499_000);
    expect((await get(busy.cookie)).statusCode).toBe(200);
    clock.advance(1000);
    expect((await get(busy.cookie)).statusCode).toBe(401);
  });

  it('end when the user is suspended, changes role or is deleted (the database ends them at once)', async () => {
    const user = await register(ctx.app, 'changing@example.com');
    const patch = (payload: object) => ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload });

    const renamed = await login(ctx.app, 'changing@example.com');
    await patch({ name: 'Only a rename' });
    expect((await me(renamed.cookie)).statusCode).toBe(200);

    await patch({ role: 'admin' });
    expect((await me(renamed.cookie)).statusCode).toBe(401);
    // A new login carries the new role.
    const promoted = await login(ctx.app, 'changing@example.com');
    expect((await withSession(ctx.app, promoted).inject({ url: '/api/v1/users' })).statusCode).toBe(200);

    await patch({ status: 'suspended' });
    expect((await me(promoted.cookie)).statusCode).toBe(401);
    await patch({ status: 'active' });

    const last = await login(ctx.app, 'changing@example.com');
    await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/users/${user.id}` });
    expect((await me(last.cookie)).statusCode).toBe(401);
    expect(await ctx.testDb.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
  });

  it('have no refresh route: a session lives server-side until it ends', async () => {
    const response = await post('refresh', { refresh_token: 'x' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('answers 204, clears the cookie and ends the session: the old cookie gets 401', async () => {
    await register(ctx.app, 'bye@example.com');
    const session = await login(ctx.app, 'bye@example.com');
    const response = await withSession(ctx.app, session).inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(String(response.headers['set-cookie'])).toMatch(/^sid=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax$/);
    expect((await me(session.cookie)).statusCode).toBe(401);
  });

  it('needs the CSRF token while the session lives (another site cannot log the user out)', async () => {
    await register(ctx.app, 'stay@example.com');
    const session = await login(ctx.app, 'stay@example.com');
    const forged = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('FORBIDDEN');
    expect((await me(session.cookie)).statusCode).toBe(200);
  });

  it('answers 204 without a session, or with one that has already ended', async () => {
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `sid=${'A'.repeat(43)}` } })).statusCode).toBe(204);
  });
});
