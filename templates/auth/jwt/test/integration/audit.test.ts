import { describe, expect, it } from 'vitest';
import type { TokenPair } from '../../src/types/tokens.js';
import { PASSWORD, register } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { captureAudit, expectNoSecrets } from '../helpers/audit-trail.js';

const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000' } });

describe('audit trail (--auth jwt): login, refresh-token reuse, logout', () => {
  it('records each event under its request id, and no password or token in any log line', async () => {
    const logs = captureAudit();
    const { app } = await ctx.build({ logger: logs.logger });
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url: `/api/v1/auth/${url}`, payload });
    const user = await register(app, 'jane@example.com');

    const login = await post('login', { email: 'jane@example.com', password: PASSWORD });
    expect(login.statusCode).toBe(200);
    const first = login.json<{ data: TokenPair }>().data;
    expect(logs.of(login)).toEqual([
      expect.objectContaining({ audit: true, level: 'info', event: 'auth.login.succeeded', actor: user.id, outcome: 'success', requestId: login.headers['x-request-id'] }),
    ]);

    const rotated = await post('refresh', { refresh_token: first.refresh_token });
    expect(rotated.statusCode).toBe(200);
    const second = rotated.json<{ data: TokenPair }>().data;
    // An ordinary rotation is not a security event.
    expect(logs.of(rotated)).toEqual([]);

    const replay = await post('refresh', { refresh_token: first.refresh_token });
    expect(replay.statusCode).toBe(401);
    const [reuse] = logs.of(replay);
    expect(logs.of(replay)).toHaveLength(1);
    expect(reuse).toMatchObject({ level: 'warn', event: 'auth.refresh.reused', actor: null, target: user.id, outcome: 'failure', requestId: replay.headers['x-request-id'] });
    expect(reuse?.family).toEqual(expect.any(String));
    // The family was revoked with it: the thief's (or the victim's) live token is dead too.
    expect((await post('refresh', { refresh_token: second.refresh_token })).statusCode).toBe(401);

    const again = (await post('login', { email: 'jane@example.com', password: PASSWORD })).json<{ data: TokenPair }>().data;
    const logout = await post('logout', { refresh_token: again.refresh_token });
    expect(logout.statusCode).toBe(204);
    expect(logs.of(logout)).toEqual([expect.objectContaining({ level: 'info', event: 'auth.logout', actor: user.id, target: user.id, outcome: 'success' })]);
    // Logging out with a token nobody issued ends nothing, so it is no event.
    const bogus = await post('logout', { refresh_token: 'x'.repeat(43) });
    expect(bogus.statusCode).toBe(204);
    expect(logs.of(bogus)).toEqual([]);

    const secrets = [PASSWORD, ...[first, second, again].flatMap((pair) => [pair.access_token, pair.refresh_token])];
    expectNoSecrets(logs.lines, secrets);
    expect(logs.lines.length).toBeGreaterThan(logs.trail().length);
  });
});
