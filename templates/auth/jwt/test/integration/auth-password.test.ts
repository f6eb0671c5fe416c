import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { passwordResetTokens, userCredentials } from '../../src/db/auth-schema.js';
import { hashSecretToken } from '../../src/lib/auth/secret-tokens.js';
import { createLogger } from '../../src/lib/logger.js';
import { useTestApp } from '../helpers/app.js';
import { login, PASSWORD, register } from '../helpers/accounts.js';
import { testEnv } from '../helpers/env.js';
import { appWithMailAndClock as withMailAndClock } from '../helpers/mail-and-clock.js';

const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000', LOGIN_MAX_ATTEMPTS: '3', LOGIN_LOCKOUT_MINUTES: '15' } });

const appWithMailAndClock = () => withMailAndClock(ctx);

describe('password reset', () => {
  it('forgot → 202 and an email with a single-use link; reset → 204; every session ends', async () => {
    const { app, email, post } = await appWithMailAndClock();
    const user = await register(app, 'forgetful@example.com');
    const session = await login(app, 'forgetful@example.com');

    const forgot = await post('password/forgot', { email: ' Forgetful@Example.com' });
    expect(forgot.statusCode).toBe(202);
    expect(forgot.json().success).toBe(true);
    expect(email.sent).toHaveLength(1);
    expect(email.sent[0]).toMatchObject({ to: 'forgetful@example.com', subject: 'Reset your password' });
    expect(email.sent[0]?.text).toContain('http://localhost:3000/reset-password?token=');
    const token = email.lastResetToken('forgetful@example.com') ?? '';
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);

    // Stored hashed only, expiring within the hour.
    const [stored] = await ctx.testDb.database.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(stored?.tokenHash).toBe(hashSecretToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((stored?.expiresAt.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(3600_000);

    const reset = await post('password/reset', { token, password: 'a brand new password' });
    expect(reset.statusCode).toBe(204);
    expect(reset.body).toBe('');

    expect((await post('login', { email: 'forgetful@example.com', password: PASSWORD })).statusCode).toBe(401);
    expect((await post('login', { email: 'forgetful@example.com', password: 'a brand new password' })).statusCode).toBe(200);
    expect((await post('refresh', { refresh_token: session.refresh_token })).statusCode).toBe(401);

    const reused = await post('password/reset', { token, password: 'yet another password' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'token' }] });
  });

});

describe('secrets never reach logs or responses', () => {
  it('passwords, hashes and tokens appear in no log line; the reset link only in the email line', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    // The log transport (the default) writes the email; everything at the most verbose level.
    const logger = createLogger(testEnv({ LOG_LEVEL: 'trace' }), stream);
    const { app } = await ctx.build({ logger });
    const bodies: string[] = [];
    const call = async (method: 'GET' | 'POST', url: string, payload?: object, headers?: Record<string, string>) => {
      const response = await app.inject({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
      bodies.push(response.body);
      return response;
    };

    const password = 'Pa55word-that-must-not-leak';
    const user = (await call('POST', '/auth/register', { email: 'quiet@example.com', password, name: 'Quiet' })).json().data;
    await call('POST', '/auth/login', { email: 'quiet@example.com', password: 'Wrong-pa55word-also-secret' });
    const pair = (await call('POST', '/auth/login', { email: 'quiet@example.com', password })).json().data;
    await call('GET', '/users/me', undefined, { authorization: `Bearer ${pair.access_token}` });
    const next = (await call('POST', '/auth/refresh', { refresh_token: pair.refresh_token })).json().data;
    await call('POST', '/auth/refresh', { refresh_token: pair.refresh_token });
    await call('POST', '/auth/password/forgot', { email: 'quiet@example.com' });
    const emailLine = lines.find((line) => JSON.parse(line).event === 'email');
    const resetToken = new URL(String(emailLine?.match(/https?:\/\/[^\s"\\]+/)?.[0])).searchParams.get('token') ?? '';
    const newPassword = 'An0ther-secret-password';
    expect((await call('POST', '/auth/password/reset', { token: resetToken, password: newPassword })).statusCode).toBe(204);
    await call('POST', '/auth/logout', { refresh_token: next.refresh_token });

    const [stored] = await ctx.testDb.database.db.select().from(userCredentials).where(eq(userCredentials.id, user.id));
    const hash = String(stored?.passwordHash);
    const passwordsAndHash = [password, 'Wrong-pa55word-also-secret', newPassword, hash];
    const tokens = [pair.access_token, pair.refresh_token, next.access_token, next.refresh_token, resetToken];
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(resetToken.length).toBeGreaterThan(40);
    expect(lines.length).toBeGreaterThan(10);

    const requestLines = lines.filter((line) => JSON.parse(line).event !== 'email');
    for (const line of requestLines) for (const secret of [...passwordsAndHash, ...tokens]) expect(line).not.toContain(secret);
    // Responses hand out the tokens they exist for, but never a password, a hash or the reset token.
    for (const body of bodies) for (const secret of [...passwordsAndHash, resetToken]) expect(body).not.toContain(secret);
    expect(bodies.join('\n')).not.toContain('$argon2');
    // The email line (info, event "email") is the documented exception: it carries the link, nothing else secret.
    expect(JSON.parse(String(emailLine))).toMatchObject({ level: 'info', event: 'email' });
    expect(emailLine).toContain(resetToken);
    for (const secret of [password, newPassword, hash, pair.refresh_token]) expect(emailLine).not.toContain(secret);
  });
});
