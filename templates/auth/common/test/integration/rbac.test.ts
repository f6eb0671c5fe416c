import { describe, expect, it } from 'vitest';
import type { User } from '../../src/types/user.js';
import { useTestApp } from '../helpers/app.js';
import { asUser, type Client } from '../helpers/auth.js';
import { createUser } from '../helpers/users.js';

// The RBAC rules are the same in every auth mode: real users calling with the mode's credentials (asUser).
const ctx = useTestApp();
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

async function twoUsers(): Promise<{ alice: User; bob: User; asAlice: Client; asBob: Client }> {
  const alice = await createUser(ctx.admin, { email: 'alice@example.com', name: 'Alice' });
  const bob = await createUser(ctx.admin, { email: 'bob@example.com', name: 'Bob' });
  return { alice, bob, asAlice: asUser(ctx, alice), asBob: asUser(ctx, bob) };
}

describe('RBAC on /api/v1/users', () => {
  it('every /:id route refuses another user with 403 FORBIDDEN, whether or not the target exists', async () => {
    const { alice, asBob } = await twoUsers();
    for (const id of [alice.id, MISSING_ID]) {
      for (const [method, payload] of [['GET', undefined], ['PATCH', { name: 'Hacked' }], ['DELETE', undefined]] as const) {
        const response = await asBob.inject({ method, url: `/api/v1/users/${id}`, ...(payload ? { payload } : {}) });
        expect(response.statusCode, `${method} /users/${id}`).toBe(403);
        expect(response.json().error.code).toBe('FORBIDDEN');
      }
    }
    const untouched = await ctx.admin.inject({ url: `/api/v1/users/${alice.id}` });
    expect(untouched.json().data).toEqual(alice);
  });

  it('a user reads and updates itself, but not its role or status, and cannot delete itself', async () => {
    const { alice, asAlice } = await twoUsers();
    expect((await asAlice.inject({ url: `/api/v1/users/${alice.id}` })).json().data).toEqual(alice);
    const renamed = await asAlice.inject({ method: 'PATCH', url: `/api/v1/users/${alice.id}`, payload: { name: 'Alice L.' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().data.name).toBe('Alice L.');

    for (const payload of [{ role: 'admin' }, { status: 'active' }, { name: 'Sneaky', role: 'admin' }]) {
      const escalation = await asAlice.inject({ method: 'PATCH', url: `/api/v1/users/${alice.id}`, payload });
      expect(escalation.statusCode).toBe(403);
      expect(escalation.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('role or status') });
    }
    expect((await asAlice.inject({ method: 'DELETE', url: `/api/v1/users/${alice.id}` })).statusCode).toBe(403);
    const stored = (await ctx.admin.inject({ url: `/api/v1/users/${alice.id}` })).json().data;
    expect(stored).toMatchObject({ role: 'user', name: 'Alice L.' });
  });

  it('listing and creating users are admin-only', async () => {
    const { asAlice } = await twoUsers();
    const list = await asAlice.inject({ url: '/api/v1/users' });
    expect(list.statusCode).toBe(403);
    const create = await asAlice.inject({ method: 'POST', url: '/api/v1/users', payload: { email: 'x@example.com', name: 'X', role: 'admin' } });
    expect(create.statusCode).toBe(403);
    expect((await ctx.admin.inject({ url: '/api/v1/users?page=1' })).json().pagination.total).toBe(2);
  });

  it('an admin reads, updates, changes roles of and deletes anyone', async () => {
    const { bob } = await twoUsers();
    const promoted = await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${bob.id}`, payload: { role: 'admin', status: 'suspended' } });
    expect(promoted.json().data).toMatchObject({ role: 'admin', status: 'suspended' });
    expect((await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/users/${bob.id}` })).statusCode).toBe(204);
  });

  it('every users route answers 401 without credentials, before reading the body', async () => {
    const routes = [
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users'],
      ['GET', `/api/v1/users/${MISSING_ID}`],
      ['PATCH', `/api/v1/users/${MISSING_ID}`],
      ['DELETE', `/api/v1/users/${MISSING_ID}`],
      ['GET', '/api/v1/users/me'],
    ] as const;
    for (const [method, url] of routes) {
      // A malformed body would be a 400 if it were parsed: authentication comes first.
      const response = await ctx.app.inject({ method, url, headers: { 'content-type': 'application/json' }, payload: '{"broken' });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHORIZED');
    }
  });
});
