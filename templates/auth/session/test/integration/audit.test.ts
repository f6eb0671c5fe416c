import { describe, expect, it } from 'vitest';
import { login, PASSWORD, register, setCookie, withSession } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { captureAudit, expectNoSecrets } from '../helpers/audit-trail.js';

const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000' } });

const cookieValue = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

describe('audit trail (--auth session): login, session created and revoked, logout', () => {
  it('records each event under its request id, names sessions by handle, and logs no password, cookie or CSRF token', async () => {
    const logs = captureAudit();
    const { app } = await ctx.build({ logger: logs.logger });
    const user = await register(app, 'sam@example.com');

    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'sam@example.com', password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = setCookie(response) ?? '';
    const events = logs.of(response);
    expect(events.map((record) => record.event)).toEqual(['auth.login.succeeded', 'auth.session.created']);
    expect(events).toEqual([
      expect.objectContaining({ level: 'info', actor: user.id, outcome: 'success', requestId: response.headers['x-request-id'] }),
      expect.objectContaining({ level: 'info', actor: user.id, target: user.id, session: expect.stringMatching(/^[0-9a-f]{16}$/) }),
    ]);
    const handle = events[1]?.session;

    // Logging in again with the live cookie ends that session first (no fixation) and says so.
    const relogin = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { cookie }, payload: { email: 'sam@example.com', password: PASSWORD } });
    expect(relogin.statusCode).toBe(200);
    expect(logs.of(relogin).map((record) => [record.event, record.reason ?? null])).toEqual([
      ['auth.session.revoked', 'replaced'],
      ['auth.login.succeeded', null],
      ['auth.session.created', null],
    ]);
    expect(logs.of(relogin)[0]).toMatchObject({ actor: user.id, target: user.id, session: handle });

    const session = await login(app, 'sam@example.com');
    const logout = await withSession(app, session).inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(logout.statusCode).toBe(204);
    expect(logs.of(logout).map((record) => [record.event, record.actor, record.target])).toEqual([
      ['auth.session.revoked', user.id, user.id],
      ['auth.logout', user.id, user.id],
    ]);
    // A cookie that is no live session (here: the one just ended) ends nothing: no event.
    const stale = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(stale.statusCode).toBe(204);
    expect(logs.of(stale)).toEqual([]);

    const secrets = [PASSWORD, cookieValue(cookie), cookieValue(setCookie(relogin) ?? ''), cookieValue(session.cookie), session.csrfToken];
    expectNoSecrets(logs.lines, secrets);
    expect(logs.lines.length).toBeGreaterThan(logs.trail().length);
  });
});
