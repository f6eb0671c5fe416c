import { describe, expect, it } from 'vitest';
import { PASSWORD, register } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { captureAudit, expectNoSecrets, type AuditRecord } from '../helpers/audit-trail.js';
import { FakeClock } from '../helpers/clock.js';
import { MemoryEmailSender } from '../helpers/memory-email.js';

// Login, lockout and password reset are audited the same whatever keeps a caller logged in (jwt or session).
const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000', LOGIN_MAX_ATTEMPTS: '3', LOGIN_LOCKOUT_MINUTES: '15' } });

async function auditedApp() {
  const logs = captureAudit();
  const email = new MemoryEmailSender();
  const { app } = await ctx.build({ logger: logs.logger, deps: { auth: { email, clock: new FakeClock() } } });
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url: `/api/v1/auth/${url}`, payload });
  return { app, logs, email, post };
}

/** What an event says once the per-request and per-address parts are set aside. */
const shape = ({ requestId: _requestId, time: _time, target, ...rest }: AuditRecord) => ({ ...rest, target: typeof target });

describe('audit trail: login, lockout and password reset', () => {
  it('a success names the user; an unknown email and a wrong password fail with events of the very same shape', async () => {
    const { app, logs, post } = await auditedApp();
    const user = await register(app, 'real@example.com');

    const ok = await post('login', { email: 'Real@Example.com', password: PASSWORD });
    expect(ok.statusCode).toBe(200);
    // The session mode adds auth.session.created (its own test checks it).
    const logins = logs.of(ok).filter((record) => record.event.startsWith('auth.login.'));
    const [success] = logins;
    expect(logins).toHaveLength(1);
    expect(success).toMatchObject({ audit: true, level: 'info', event: 'auth.login.succeeded', actor: user.id, outcome: 'success', requestId: ok.headers['x-request-id'] });
    expect(success?.target).toMatch(/^email:[0-9a-f]{16}$/);

    const wrong = await post('login', { email: 'real@example.com', password: 'not the password' });
    const unknown = await post('login', { email: 'ghost@example.com', password: 'not the password' });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    const [wrongEvent] = logs.of(wrong);
    const [unknownEvent] = logs.of(unknown);
    if (wrongEvent === undefined || unknownEvent === undefined) throw new Error('a failed login wrote no audit event');
    expect(wrongEvent).toMatchObject({ level: 'warn', event: 'auth.login.failed', actor: null, outcome: 'failure', reason: 'invalid_credentials' });
    expect(shape(unknownEvent)).toEqual(shape(wrongEvent));
    expect(Object.keys(unknownEvent).sort()).toEqual(Object.keys(wrongEvent).sort());
    // The same address, however it is written, has one fingerprint: failures and the success line up.
    expect(wrongEvent.target).toBe(success?.target);
    expect(unknownEvent.target).not.toBe(success?.target);
    // No address in the trail, not even an unknown one.
    for (const line of logs.lines.filter((text) => text.includes('"audit":true'))) expect(line).not.toMatch(/example\.com/i);
  });

  it('reports the lockout once, when it starts, and each refused attempt while it lasts', async () => {
    const { app, logs, post } = await auditedApp();
    await register(app, 'target@example.com');
    const failures = [];
    for (let i = 0; i < 3; i += 1) failures.push(await post('login', { email: 'target@example.com', password: `guess number ${i}` }));
    const third = failures[2];
    if (third === undefined) throw new Error('unreachable');
    expect(logs.of(third).map((record) => [record.event, record.level])).toEqual([
      ['auth.login.failed', 'warn'],
      ['auth.lockout', 'warn'],
    ]);
    const locked = await post('login', { email: 'target@example.com', password: PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(logs.of(locked)).toEqual([expect.objectContaining({ event: 'auth.login.failed', level: 'warn', actor: null, reason: 'locked' })]);
    expect(logs.trail().filter((record) => record.event === 'auth.lockout')).toHaveLength(1);
    expect(logs.trail().filter((record) => record.event === 'auth.login.succeeded')).toHaveLength(0);
  });

  it('reset: requested (the same for an unknown email), completed as the account, a bad token refused; no secret logged', async () => {
    const { app, logs, email, post } = await auditedApp();
    const user = await register(app, 'forgetful@example.com');

    const asked = await post('password/forgot', { email: 'forgetful@example.com' });
    const askedUnknown = await post('password/forgot', { email: 'nobody@example.com' });
    expect([asked.statusCode, askedUnknown.statusCode]).toEqual([202, 202]);
    const [requested] = logs.of(asked);
    const [requestedUnknown] = logs.of(askedUnknown);
    if (requested === undefined || requestedUnknown === undefined) throw new Error('a reset request wrote no audit event');
    expect(requested).toMatchObject({ level: 'info', event: 'auth.password_reset.requested', actor: null, outcome: 'success' });
    expect(shape(requestedUnknown)).toEqual(shape(requested));

    const token = email.lastResetToken('forgetful@example.com');
    if (token === undefined) throw new Error('no reset email');
    const newPassword = 'a brand new passphrase';
    const done = await post('password/reset', { token, password: newPassword });
    expect(done.statusCode).toBe(204);
    expect(logs.of(done)).toEqual([
      expect.objectContaining({ level: 'info', event: 'auth.password_reset.completed', actor: user.id, target: user.id, outcome: 'success', requestId: done.headers['x-request-id'] }),
    ]);
    const replayed = await post('password/reset', { token, password: 'yet another passphrase' });
    expect(replayed.statusCode).toBe(400);
    expect(logs.of(replayed)).toEqual([expect.objectContaining({ level: 'warn', event: 'auth.password_reset.failed', actor: null, target: null, reason: 'invalid_token' })]);

    expect((await post('login', { email: 'forgetful@example.com', password: newPassword })).statusCode).toBe(200);
    expect(logs.lines.length).toBeGreaterThan(logs.trail().length);
    expectNoSecrets(logs.lines, [PASSWORD, token, newPassword, 'yet another passphrase']);
  });
});
