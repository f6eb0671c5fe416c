import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiKeys } from '../../src/db/api-key-schema.js';
import { generateApiKey } from '../../src/lib/auth/api-keys.js';
import { createDatabase } from '../../src/lib/database.js';
import { useTestApp } from '../helpers/app.js';
import { bearer, createKey, userWithKey, withKey } from '../helpers/api-keys.js';
import { FakeClock } from '../helpers/clock.js';
import { unreachableDatabaseEnv } from '../helpers/database-env.js';
import { testEnv } from '../helpers/env.js';

const ctx = useTestApp();

async function alice() {
  return userWithKey(ctx.admin, ctx.app, 'alice@example.com');
}

function expect401(response: { statusCode: number; headers: Record<string, unknown>; json(): { error: { code: string } } }, what: string) {
  expect(response.statusCode, what).toBe(401);
  expect(response.json().error.code, what).toBe('UNAUTHORIZED');
  expect(String(response.headers['www-authenticate']), what).toMatch(/^Bearer\b/);
}

describe('presenting a key', () => {
  it('accepts Authorization: Bearer (any case of the scheme) and x-api-key', async () => {
    const { user, key } = await alice();
    for (const headers of [bearer(key.key), { authorization: `bearer ${key.key}` }, { 'x-api-key': key.key }, { ...bearer(key.key), 'x-api-key': key.key }]) {
      const response = await ctx.app.inject({ url: '/api/v1/users/me', headers });
      expect(response.statusCode, JSON.stringify(Object.keys(headers))).toBe(200);
      expect(response.json().data.id).toBe(user.id);
    }
  });

  it('answers 401 UNAUTHORIZED with www-authenticate: Bearer to missing, malformed and unknown keys', async () => {
    const { key } = await alice();
    const missing = await ctx.app.inject({ url: '/api/v1/users/me' });
    expect401(missing, 'missing');
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    const other = generateApiKey().key;
    const cases: [string, Record<string, string>][] = [
      ['unknown', bearer(other)],
      ['unknown in x-api-key', { 'x-api-key': other }],
      ['truncated', bearer(key.key.slice(0, -1))],
      ['wrong prefix', bearer(`sbx_${key.key.slice(4)}`)],
      ['not a key', bearer('not-a-key')],
      ['empty x-api-key', { 'x-api-key': '' }],
      ['another scheme', { authorization: `Basic ${Buffer.from(`x:${key.key}`).toString('base64')}` }],
      ['two different keys', { ...bearer(key.key), 'x-api-key': other }],
    ];
    for (const [what, headers] of cases) expect401(await ctx.app.inject({ url: '/api/v1/users/me', headers }), what);
  });

  it('refuses a key in the query string with 400 VALIDATION_ERROR naming the parameter, even beside a good header', async () => {
    const { key } = await alice();
    for (const param of ['api_key', 'key', 'access_token', 'API_KEY', 'x-api-key']) {
      const response = await ctx.app.inject({ url: `/api/v1/users/me?${param}=${key.key}`, headers: bearer(key.key) });
      expect(response.statusCode, param).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: param }] });
      expect(response.body).not.toContain(key.key);
    }
    // A key pasted into any other parameter is refused too.
    const pasted = await ctx.admin.inject({ url: `/api/v1/users?search=${key.key}` });
    expect(pasted.statusCode).toBe(400);
    expect(pasted.json().error.details).toEqual([{ field: 'search', message: expect.stringContaining('must not be sent in the URL') }]);
  });
});

describe('with the database down', () => {
  it('a key cannot be checked: the API answers 503, the probes do not look keys up', async () => {
    const database = await createDatabase(testEnv(unreachableDatabaseEnv()));
    try {
      const { app } = await ctx.build({ deps: { database } });
      const key = generateApiKey().key;
      const api = await app.inject({ url: '/api/v1/users/me', headers: bearer(key) });
      expect(api.statusCode).toBe(503);
      expect(api.json().error).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'Database unavailable' });
      expect(api.body).not.toContain(key);
      expect((await app.inject({ url: '/health/live', headers: bearer(key) })).statusCode).toBe(200);
    } finally {
      await database.close();
    }
  });
});

describe('a key stops working', () => {
  it('when revoked, expired, or its owner is suspended or deleted; a reactivated owner gets it back', async () => {
    const clock = new FakeClock();
    const built = await ctx.build({ deps: { auth: { clock } } });
    const { user, key, client } = await userWithKey(ctx.admin, built.app, 'alice@example.com');
    const me = () => client.inject({ url: '/api/v1/users/me' });
    expect((await me()).statusCode).toBe(200);

    const expiring = await createKey(ctx.admin, { userId: user.id, expiresAt: new Date(clock.now() + 60_000).toISOString() });
    const expiringMe = () => withKey(built.app, expiring.key).inject({ url: '/api/v1/users/me' });
    expect((await expiringMe()).statusCode).toBe(200);
    clock.advance(60_000);
    expect401(await expiringMe(), 'expired');
    expect((await me()).statusCode).toBe(200);

    await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { status: 'suspended' } });
    expect401(await me(), 'owner suspended');
    await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { status: 'active' } });
    expect((await me()).statusCode).toBe(200);

    await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/users/${user.id}` });
    expect401(await me(), 'owner deleted');
    // ON DELETE CASCADE: a deleted user leaves no keys behind.
    expect(await ctx.deps.database.db.select().from(apiKeys).where(eq(apiKeys.id, key.id))).toEqual([]);
  });

  it('revocation wins over a key that was working a moment before (x-api-key too)', async () => {
    const { key } = await alice();
    const client = withKey(ctx.app, key.key, 'x-api-key');
    expect((await client.inject({ url: '/api/v1/users/me' })).statusCode).toBe(200);
    await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/api-keys/${key.id}` });
    expect401(await client.inject({ url: '/api/v1/users/me' }), 'revoked');
  });
});

describe('the role is the owner’s role now', () => {
  it('a promotion or demotion takes effect at the next request with the same key', async () => {
    const { user, client } = await alice();
    expect((await client.inject({ url: '/api/v1/users' })).statusCode).toBe(403);
    await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { role: 'admin' } });
    expect((await client.inject({ url: '/api/v1/users' })).statusCode).toBe(200);
    expect((await client.inject({ url: '/api/v1/api-keys' })).statusCode).toBe(200);
    await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { role: 'user' } });
    expect((await client.inject({ url: '/api/v1/users' })).statusCode).toBe(403);
    expect((await client.inject({ url: '/api/v1/api-keys' })).statusCode).toBe(403);
  });
});

describe('last use', () => {
  it('is recorded on use, at most once a minute per key', async () => {
    const clock = new FakeClock();
    const built = await ctx.build({ deps: { auth: { clock } } });
    const { key, client } = await userWithKey(ctx.admin, built.app, 'alice@example.com');
    const lastUsed = async () => (await ctx.deps.database.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]?.lastUsedAt?.getTime();
    expect(await lastUsed()).toBeUndefined();

    await client.inject({ url: '/api/v1/users/me' });
    const first = clock.now();
    expect(await lastUsed()).toBe(first);
    clock.advance(59_000);
    await client.inject({ url: '/api/v1/users/me' });
    expect(await lastUsed()).toBe(first);
    clock.advance(2_000);
    await client.inject({ url: '/api/v1/users/me' });
    expect(await lastUsed()).toBe(clock.now());
  });
});

describe('rate limiting with keys', () => {
  it("counts a key's requests against its owner, from any address and with any of its keys", async () => {
    // Owners are on the free plan: its budget is the per-owner limit here (RATE_LIMIT_PLANS).
    const built = await ctx.build({ env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_PLANS: 'free=3,pro=30,enterprise=300' } });
    const { user, client } = await userWithKey(ctx.admin, built.app, 'alice@example.com');
    const second = withKey(built.app, (await createKey(ctx.admin, { userId: user.id })).key, 'x-api-key');
    const bob = await userWithKey(ctx.admin, built.app, 'bob@example.com');
    const from = (ip: string) => ({ url: '/api/v1/users/me', remoteAddress: ip });

    for (const ip of ['10.3.0.1', '10.3.0.2', '10.3.0.3']) expect((await client.inject(from(ip))).statusCode).toBe(200);
    expect((await client.inject(from('10.3.0.4'))).statusCode).toBe(429);
    // A second key does not buy Alice a second allowance.
    const again = await second.inject(from('10.3.0.5'));
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe('RATE_LIMITED');
    // Bob, behind Alice's address, has his own.
    const bobs = await bob.client.inject(from('10.3.0.1'));
    expect(bobs.statusCode).toBe(200);
    expect(bobs.headers['x-ratelimit-remaining']).toBe('2');
    // Made-up keys are anonymous: counted per address, a new key per request buys nothing.
    const forged = () => withKey(built.app, generateApiKey().key).inject(from('10.3.0.9'));
    for (let i = 0; i < 3; i += 1) expect((await forged()).statusCode).toBe(401);
    expect((await forged()).statusCode).toBe(429);
  });
});
