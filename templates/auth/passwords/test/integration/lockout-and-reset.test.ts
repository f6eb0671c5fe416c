import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { PASSWORD, register } from '../helpers/accounts.js';
import { appWithMailAndClock as withMailAndClock } from '../helpers/mail-and-clock.js';

// Lockout and password reset behave the same whatever keeps a caller logged in (jwt or session).
const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000', LOGIN_MAX_ATTEMPTS: '3', LOGIN_LOCKOUT_MINUTES: '15' } });
const appWithMailAndClock = () => withMailAndClock(ctx);

describe('login lockout (LOGIN_MAX_ATTEMPTS=3 here)', () => {
  it('locks after the failures: 429 ACCOUNT_LOCKED with retry-after, even with the right password', async () => {
    const { app, clock, post } = await appWithMailAndClock();
    await register(app, 'locked@example.com');
    for (let i = 0; i < 3; i += 1) {
      expect((await post('login', { email: 'locked@example.com', password: 'wrong-password' })).statusCode).toBe(401);
    }
    const locked = await post('login', { email: 'locked@example.com', password: PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.headers['retry-after']).toBe(String(15 * 60));

    clock.advance(5 * 60_000);
    const later = await post('login', { email: 'LOCKED@example.com', password: PASSWORD });
    expect(later.statusCode).toBe(429);
    expect(later.headers['retry-after']).toBe(String(10 * 60));

    clock.advance(10 * 60_000);
    expect((await post('login', { email: 'locked@example.com', password: PASSWORD })).statusCode).toBe(200);
  });

  it('locks an unknown email exactly like a real one, so the lockout reveals nothing', async () => {
    for (let i = 0; i < 3; i += 1) await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ghost@example.com', password: 'x' } });
    const response = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ghost@example.com', password: 'x' } });
    expect(response.statusCode).toBe(429);
    expect(response.json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('a successful login clears the count, and old failures age out', async () => {
    const { app, clock, post } = await appWithMailAndClock();
    await register(app, 'careful@example.com');
    const fail = () => post('login', { email: 'careful@example.com', password: 'wrong-password' });
    await fail();
    await fail();
    expect((await post('login', { email: 'careful@example.com', password: PASSWORD })).statusCode).toBe(200);
    await fail();
    await fail();
    clock.advance(16 * 60_000);
    await fail();
    // 2 + 1 failures, but never 3 inside one 15-minute window: still open.
    expect((await post('login', { email: 'careful@example.com', password: PASSWORD })).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  it('answers 202 for an unknown email and sends nothing', async () => {
    const { email, post } = await appWithMailAndClock();
    const response = await post('password/forgot', { email: 'nobody@example.com' });
    expect(response.statusCode).toBe(202);
    expect(email.sent).toEqual([]);
  });

  it('refuses an expired token (400) and a made-up one', async () => {
    const { app, email, clock, post } = await appWithMailAndClock();
    await register(app, 'slow@example.com');
    await post('password/forgot', { email: 'slow@example.com' });
    const token = email.lastResetToken('slow@example.com') ?? '';
    clock.advance(30 * 60_000 + 1000);
    expect((await post('password/reset', { token, password: 'too late for this' })).statusCode).toBe(400);
    expect((await post('password/reset', { token: 'made-up', password: 'too late for this' })).statusCode).toBe(400);
    expect((await post('login', { email: 'slow@example.com', password: PASSWORD })).statusCode).toBe(200);
  });

  it('a reset also lifts a lockout and lets a passwordless (admin-created) account set its password', async () => {
    const { app, email, post } = await appWithMailAndClock();
    await ctx.admin.inject({ method: 'POST', url: '/api/v1/users', payload: { email: 'invited@example.com', name: 'Invited' } });
    for (let i = 0; i < 3; i += 1) await post('login', { email: 'invited@example.com', password: 'guess-guess' });
    expect((await post('login', { email: 'invited@example.com', password: 'guess-guess' })).statusCode).toBe(429);
    await post('password/forgot', { email: 'invited@example.com' });
    await post('password/reset', { token: email.lastResetToken('invited@example.com'), password: 'my first password' });
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'invited@example.com', password: 'my first password' } })).statusCode).toBe(200);
  });
});
