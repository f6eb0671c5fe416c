import { describe, expect, it } from 'vitest';
import { seed } from '../../src/db/seed.js';
import { seedAdmin } from '../../src/db/seed-admin.js';
import { useTestApp } from '../helpers/app.js';
import { forgedCredentials, login, loginHeaders, register } from '../helpers/accounts.js';
import { asUser } from '../helpers/auth.js';
import { createUser } from '../helpers/users.js';

// The first admin and the rate limits, the same whatever keeps a caller logged in (jwt or session).
const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000' } });
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('npm run db:seed: the first admin', () => {
  const env = { ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'first-admin-password' };

  it('is skipped, saying why, when ADMIN_EMAIL or ADMIN_PASSWORD is unset', async () => {
    expect(await seedAdmin(ctx.testDb.database, { ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined })).toMatch(/No admin created.*ADMIN_EMAIL and ADMIN_PASSWORD unset/);
    expect(await seedAdmin(ctx.testDb.database, { ...env, ADMIN_PASSWORD: undefined })).toMatch(/ADMIN_PASSWORD unset/);
    expect((await ctx.admin.inject({ url: '/api/v1/users?page=1' })).json().pagination.total).toBe(0);
  });

  it('is created from env, can log in and administer, and a re-run changes nothing', async () => {
    expect(await seedAdmin(ctx.testDb.database, env)).toBe('Created the first admin root@example.com.');
    const list = await ctx.app.inject({ url: '/api/v1/users', headers: await loginHeaders(ctx.app, env.ADMIN_EMAIL, env.ADMIN_PASSWORD) });
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toMatchObject([{ email: 'root@example.com', role: 'admin' }]);

    expect(await seedAdmin(ctx.testDb.database, { ...env, ADMIN_PASSWORD: 'another-password' })).toMatch(/not changed/);
    await login(ctx.app, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
  });

  it('claims a sample account that has no password yet, and leaves other accounts alone', async () => {
    await seed(ctx.testDb.database);
    const sample = { ADMIN_EMAIL: 'grace@example.com', ADMIN_PASSWORD: 'graces-new-password' };
    expect(await seedAdmin(ctx.testDb.database, sample)).toMatch(/made it an admin/);
    await login(ctx.app, sample.ADMIN_EMAIL, sample.ADMIN_PASSWORD);
    await register(ctx.app, 'taken@example.com');
    expect(await seedAdmin(ctx.testDb.database, { ADMIN_EMAIL: 'taken@example.com', ADMIN_PASSWORD: 'whatever-password' })).toMatch(
      /not changed.*role user/,
    );
  });
});

describe('rate limiting with authentication', () => {
  it('counts authenticated requests per user, anonymous ones per IP, and forged credentials as anonymous', async () => {
    // New users are on the free plan: its budget is the per-user limit here (RATE_LIMIT_PLANS).
    const built = await ctx.build({ env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_PLANS: 'free=3,pro=30,enterprise=300' } });
    const alice = await createUser(ctx.admin, { email: 'alice@example.com', name: 'Alice' });
    const bob = await createUser(ctx.admin, { email: 'bob@example.com', name: 'Bob' });
    const asAlice = asUser(built, alice);
    const from = (ip: string) => ({ remoteAddress: ip });

    for (let i = 0; i < 3; i += 1) expect((await asAlice.inject({ url: `/api/v1/users/${alice.id}`, ...from('10.1.0.1') })).statusCode).toBe(200);
    // Alice is out of requests from any address; Bob, and anonymous callers, behind the same IP are not.
    expect((await asAlice.inject({ url: `/api/v1/users/${alice.id}`, ...from('10.1.0.2') })).statusCode).toBe(429);
    const bobs = await asUser(built, bob).inject({ url: `/api/v1/users/${bob.id}`, ...from('10.1.0.1') });
    expect(bobs.statusCode).toBe(200);
    expect(bobs.headers['x-ratelimit-remaining']).toBe('2');
    const anonymous = await built.app.inject({ url: `/api/v1/users/${bob.id}`, ...from('10.1.0.1') });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['x-ratelimit-remaining']).toBe('2');

    // New made-up credentials per request do not buy a new allowance.
    const forged = () => built.app.inject({ url: '/api/v1/users/me', headers: forgedCredentials(), ...from('10.1.0.3') });
    for (let i = 0; i < 3; i += 1) expect((await forged()).statusCode).toBe(401);
    expect((await forged()).statusCode).toBe(429);
  });

  it('is stricter on /api/v1/auth/*: AUTH_RATE_LIMIT_MAX per client on each route', async () => {
    const { app } = await ctx.build({ env: { AUTH_RATE_LIMIT_MAX: '2', RATE_LIMIT_MAX: '100' } });
    const attempt = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@example.com', password: 'y' }, remoteAddress: '10.2.0.1' });
    const first = await attempt();
    expect(first.statusCode).toBe(401);
    expect(first.headers['x-ratelimit-limit']).toBe('2');
    expect((await attempt()).statusCode).toBe(401);
    const refused = await attempt();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The rest of the API keeps its own, larger allowance.
    const other = await app.inject({ url: `/api/v1/users/${MISSING_ID}`, remoteAddress: '10.2.0.1' });
    expect(other.headers['x-ratelimit-limit']).toBe('100');
  });
});
