import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiKeys } from '../../src/db/api-key-schema.js';
import { useTestApp } from '../helpers/app.js';
import { createKey, userWithKey, withKey } from '../helpers/api-keys.js';
import { createUser } from '../helpers/users.js';

const ctx = useTestApp();
const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A real admin (a users row) and a client that sends its key. */
const realAdmin = () => userWithKey(ctx.admin, ctx.app, 'root@example.com', 'admin');

describe('POST /api/v1/api-keys', () => {
  it('answers 201 with the key, once, and no-store; the key acts as its owner, by default the caller', async () => {
    const { user: root, client } = await realAdmin();
    const response = await client.inject({ method: 'POST', url: '/api/v1/api-keys', payload: { name: ' billing service ' } });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const { data } = response.json();
    expect(Object.keys(data).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'key', 'name', 'prefix', 'userId']);
    expect(data).toMatchObject({ name: 'billing service', userId: root.id, expiresAt: null });
    expect(data.key).toMatch(/^sbk_[A-Za-z0-9_-]{43}$/);
    expect(data.prefix).toBe(data.key.slice(0, 12));

    const me = await withKey(ctx.app, data.key).inject({ url: '/api/v1/users/me' });
    expect(me.json().data).toMatchObject({ id: root.id, role: 'admin' });

    // The list never shows the key again, nor its hash.
    const list = await client.inject({ url: '/api/v1/api-keys' });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(data.key);
    expect(list.body).not.toContain(sha256(data.key));
    const listed = list.json().data.find((k: { id: string }) => k.id === data.id);
    expect(Object.keys(listed).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'userId']);
    expect(listed).toMatchObject({ prefix: data.prefix, revokedAt: null });
  });

  it('stores the SHA-256 of the key, never the key', async () => {
    const key = await createKey(ctx.admin, { userId: (await createUser(ctx.admin, { email: 'a@example.com', name: 'A' })).id });
    const [row] = await ctx.deps.database.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row?.keyHash).toBe(sha256(key.key));
    expect(JSON.stringify(row)).not.toContain(key.key.slice(12));
  });

  it('issues keys for another user and with an expiry', async () => {
    const alice = await createUser(ctx.admin, { email: 'alice@example.com', name: 'Alice' });
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const key = await createKey(ctx.admin, { name: 'alice ci', userId: alice.id, expiresAt });
    expect(key).toMatchObject({ userId: alice.id, expiresAt });
    expect((await withKey(ctx.app, key.key).inject({ url: '/api/v1/users/me' })).json().data.id).toBe(alice.id);
  });

  it.each([
    [{ name: 'x', userId: MISSING_ID }, 'userId'],
    [{ name: 'x', userId: 'not-a-uuid' }, 'userId'],
    [{ name: 'x', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
    [{ name: 'x', expiresAt: 'tomorrow' }, 'expiresAt'],
    [{ name: '   ' }, 'name'],
    [{}, 'name'],
    [{ name: 'x', key: 'sbk_choose-my-own' }, 'key'],
  ])('refuses %j with 400 naming %s', async (payload, field) => {
    const response = await ctx.admin.inject({ method: 'POST', url: '/api/v1/api-keys', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_ERROR');
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe('GET /api/v1/api-keys', () => {
  it('pages newest first with a signed cursor, and filters by user', async () => {
    const alice = await createUser(ctx.admin, { email: 'alice@example.com', name: 'Alice' });
    const bob = await createUser(ctx.admin, { email: 'bob@example.com', name: 'Bob' });
    const made = [];
    for (const [i, owner] of [alice, bob, alice, bob, alice].entries()) {
      // A few ms apart: created_at (millisecond precision) then strictly follows creation, as in createUsers.
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 3));
      made.push(await createKey(ctx.admin, { name: `k${i}`, userId: owner.id }));
    }
    const seen: string[] = [];
    let url = '/api/v1/api-keys?limit=2';
    for (let page = 0; page < 5; page += 1) {
      const body = (await ctx.admin.inject({ url })).json();
      seen.push(...body.data.map((k: { name: string }) => k.name));
      if (body.pagination.nextCursor === null) break;
      expect(body.pagination).toMatchObject({ limit: 2, hasMore: true });
      url = `/api/v1/api-keys?limit=2&cursor=${body.pagination.nextCursor}`;
    }
    expect(seen).toEqual(['k4', 'k3', 'k2', 'k1', 'k0']);

    const alices = (await ctx.admin.inject({ url: `/api/v1/api-keys?userId=${alice.id}` })).json();
    expect(alices.data.map((k: { name: string }) => k.name)).toEqual(['k4', 'k2', 'k0']);
    expect(alices.pagination).toEqual({ limit: 20, hasMore: false, nextCursor: null });
  });

  it('refuses a tampered cursor, one from another list or filter, and unknown parameters', async () => {
    const alice = await createUser(ctx.admin, { email: 'alice@example.com', name: 'Alice' });
    for (let i = 0; i < 2; i += 1) await createKey(ctx.admin, { userId: alice.id });
    const cursor = String((await ctx.admin.inject({ url: '/api/v1/api-keys?limit=1' })).json().pagination.nextCursor);
    await createUser(ctx.admin, { email: 'bob@example.com', name: 'Bob' });
    const usersCursor = String((await ctx.admin.inject({ url: '/api/v1/users?limit=1' })).json().pagination.nextCursor);
    for (const query of [`cursor=${cursor}x`, `cursor=${usersCursor}`, `cursor=${cursor}&userId=${alice.id}`, 'limit=101', 'sort=name']) {
      const response = await ctx.admin.inject({ url: `/api/v1/api-keys?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_ERROR');
    }
  });
});

describe('DELETE /api/v1/api-keys/:id', () => {
  it('revokes at once: 204, then 401 for that key; the list shows when', async () => {
    const { key, client } = await userWithKey(ctx.admin, ctx.app, 'alice@example.com');
    expect((await client.inject({ url: '/api/v1/users/me' })).statusCode).toBe(200);
    expect((await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/api-keys/${key.id}` })).statusCode).toBe(204);

    const refused = await client.inject({ url: '/api/v1/users/me' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('UNAUTHORIZED');
    const [listed] = (await ctx.admin.inject({ url: '/api/v1/api-keys' })).json().data;
    expect(listed).toMatchObject({ id: key.id, revokedAt: expect.any(String) });

    // Revoking again changes nothing; unknown and malformed ids are 404 and 400.
    expect((await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/api-keys/${key.id}` })).statusCode).toBe(204);
    expect((await ctx.admin.inject({ url: '/api/v1/api-keys' })).json().data[0].revokedAt).toBe(listed.revokedAt);
    const missing = await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/api-keys/${MISSING_ID}` });
    expect(missing.json()).toEqual({ success: false, error: { code: 'NOT_FOUND', message: 'API key not found' } });
    expect((await ctx.admin.inject({ method: 'DELETE', url: '/api/v1/api-keys/nope' })).statusCode).toBe(400);
  });
});

describe('access to /api/v1/api-keys', () => {
  const routes = [
    ['POST', '/api/v1/api-keys'],
    ['GET', '/api/v1/api-keys'],
    ['DELETE', `/api/v1/api-keys/${MISSING_ID}`],
  ] as const;

  it('a non-admin gets 403 FORBIDDEN on every route, and nothing changes', async () => {
    const { user, key, client } = await userWithKey(ctx.admin, ctx.app, 'alice@example.com');
    for (const [method, url] of routes) {
      const payload = method === 'POST' ? { name: 'mine', userId: user.id } : undefined;
      const response = await client.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Only an admin') });
    }
    const own = await client.inject({ method: 'DELETE', url: `/api/v1/api-keys/${key.id}` });
    expect(own.statusCode).toBe(403);
    expect((await ctx.admin.inject({ url: '/api/v1/api-keys' })).json().data).toHaveLength(1);
  });

  it('anonymous callers get 401 on every route, before the body is read', async () => {
    for (const [method, url] of routes) {
      const response = await ctx.app.inject({ method, url, headers: { 'content-type': 'application/json' }, payload: '{"broken' });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('there is no /api/v1/auth: no passwords, logins or tokens in this mode', async () => {
    for (const path of ['login', 'register', 'refresh', 'logout', 'password/forgot', 'password/reset']) {
      const response = await ctx.app.inject({ method: 'POST', url: `/api/v1/auth/${path}`, payload: {} });
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
  });
});
