import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/session-schema.js';
import { useTestApp } from '../helpers/app.js';
import { login, register } from '../helpers/accounts.js';
import { FakeClock } from '../helpers/clock.js';

// --auth session: what the sessions table guarantees, beyond the HTTP flows of auth.test.ts.
const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000' } });

const rowsOf = (userId: string) => ctx.testDb.database.db.select().from(sessions).where(eq(sessions.userId, userId));

describe('the sessions table', () => {
  it.each([
    ['a role change', `UPDATE users SET role = 'admin' WHERE id = $1`, 'admin'],
    ['a deletion', 'DELETE FROM users WHERE id = $1', null],
  ] as const)('a session started while %s is in flight gets the outcome of it, never the state before', async (_change, statement, role) => {
    const user = await register(ctx.app, 'racing@example.com');
    const other = await ctx.testDb.connect();
    let changed!: () => void;
    const changedSignal = new Promise<void>((resolve) => (changed = resolve));
    // The change holds its row lock for a while; the session starts meanwhile, on another connection.
    const change = other.rawTransaction(async (tx) => {
      await tx.query(statement, [user.id]);
      changed();
      await sleep(300);
    });
    await changedSignal;
    const started = await ctx.deps.auth.sessions.start(user.id);
    await change;
    expect(started?.user.role ?? null).toBe(role);
    expect((await rowsOf(user.id)).map((row) => row.role)).toEqual(role === null ? [] : [role]);
  });

  it('refuses to start a session for a suspended or unknown user', async () => {
    const user = await register(ctx.app, 'held@example.com');
    await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { status: 'suspended' } });
    expect(await ctx.deps.auth.sessions.start(user.id)).toBeNull();
    expect(await ctx.deps.auth.sessions.start('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await rowsOf(user.id)).toEqual([]);
  });

  it('prunes ended sessions, anyone\'s, at the next login', async () => {
    const clock = new FakeClock();
    const { app } = await ctx.build({ deps: { auth: { clock } } });
    const early = await register(app, 'early@example.com');
    await register(app, 'late@example.com');
    await login(app, 'early@example.com');
    expect(await rowsOf(early.id)).toHaveLength(1);
    clock.advance(604800 * 1000);
    await login(app, 'late@example.com');
    expect(await rowsOf(early.id)).toEqual([]);
  });

  it('with an idle timeout, moves a session\'s end forward at most once per step, not at every request', async () => {
    const clock = new FakeClock();
    const { app } = await ctx.build({ env: { SESSION_IDLE_TIMEOUT: '1800' }, deps: { auth: { clock } } });
    const user = await register(app, 'steady@example.com');
    const { cookie } = await login(app, 'steady@example.com');
    const end = async () => (await rowsOf(user.id))[0]?.expiresAt.getTime();
    const atLogin = await end();
    expect(atLogin).toBe(clock.now() + 1800_000);

    clock.advance(30_000);
    await app.inject({ url: '/api/v1/users/me', headers: { cookie } });
    expect(await end()).toBe(atLogin);
    clock.advance(30_000);
    await app.inject({ url: '/api/v1/users/me', headers: { cookie } });
    expect(await end()).toBe(clock.now() + 1800_000);
  });
});
