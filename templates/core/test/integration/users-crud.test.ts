import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/users.js';

const ctx = useTestApp();
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('POST /api/v1/users', () => {
  it('creates a user, trimming and lower-casing the email', async () => {
    const response = await ctx.admin.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: '  Ada.Lovelace@Example.COM ', name: ' Ada ' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = response.json();
    expect(body.success).toBe(true);
    expect(body.data).toMatchObject({ email: 'ada.lovelace@example.com', name: 'Ada', role: 'user', status: 'active' });
    expect(body.data.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(body.data.createdAt).toISOString()).toBe(body.data.createdAt);
    expect(Object.keys(body.data).sort()).toEqual(['createdAt', 'email', 'id', 'name', 'role', 'status', 'updatedAt']);
  });

  it('answers 409 CONFLICT for an email already taken, whatever its case', async () => {
    await createUser(ctx.admin, { email: 'grace@example.com', name: 'Grace' });
    const response = await ctx.admin.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'GRACE@example.com', name: 'Other Grace' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      success: false,
      error: { code: 'CONFLICT', details: [{ field: 'email', message: 'is already in use' }] },
    });
  });

  it('is race-safe: of concurrent creates with one email exactly one succeeds', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        ctx.admin.inject({ method: 'POST', url: '/api/v1/users', payload: { email: 'race@example.com', name: `R${i}` } }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it.each([
    [{ email: 'not-an-email', name: 'X' }, 'email'],
    [{ email: 'x@example.com' }, 'name'],
    [{ email: 'x@example.com', name: '   ' }, 'name'],
    [{ email: 'x@example.com', name: 'X', role: 'root' }, 'role'],
    [{ email: 'x@example.com', name: 'X', isAdmin: true }, 'isAdmin'],
  ])('rejects %j with 400 naming %s', async (payload, field) => {
    const response = await ctx.admin.inject({ method: 'POST', url: '/api/v1/users', payload });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe('GET /api/v1/users/:id', () => {
  it('returns the user', async () => {
    const user = await createUser(ctx.admin, { email: 'alan@example.com', name: 'Alan', role: 'admin' });
    const response = await ctx.admin.inject({ url: `/api/v1/users/${user.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ success: true, data: user });
  });

  it('finds the user by its id in upper case too, as the uuid type of PostgreSQL does, on every database', async () => {
    const user = await createUser(ctx.admin, { email: 'upper@example.com', name: 'Upper' });
    const response = await ctx.admin.inject({ url: `/api/v1/users/${user.id.toUpperCase()}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().data.id).toBe(user.id);
  });

  it('answers 404 NOT_FOUND for an unknown id and 400 for a malformed one', async () => {
    const missing = await ctx.admin.inject({ url: `/api/v1/users/${MISSING_ID}` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ success: false, error: { code: 'NOT_FOUND', message: 'User not found' } });

    const malformed = await ctx.admin.inject({ url: '/api/v1/users/not-a-uuid' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'id' }] });
  });

  it('carries an ETag and answers a matching If-None-Match with 304 and no body', async () => {
    const user = await createUser(ctx.admin, { email: 'etag@example.com', name: 'Etag' });
    const first = await ctx.admin.inject({ url: `/api/v1/users/${user.id}` });
    const etag = first.headers.etag;
    expect(typeof etag).toBe('string');
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await ctx.admin.inject({ url: `/api/v1/users/${user.id}`, headers: { 'if-none-match': String(etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    const listed = await ctx.admin.inject({ url: `/api/v1/users/${user.id}`, headers: { 'if-none-match': `"nope", ${String(etag)}` } });
    expect(listed.statusCode).toBe(304);

    await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { name: 'Changed' } });
    const stale = await ctx.admin.inject({ url: `/api/v1/users/${user.id}`, headers: { 'if-none-match': String(etag) } });
    expect(stale.statusCode).toBe(200);
    expect(stale.headers.etag).not.toBe(etag);
  });

  it('never turns an error or a write into a 304', async () => {
    const missing = await ctx.admin.inject({ url: `/api/v1/users/${MISSING_ID}` });
    const again = await ctx.admin.inject({
      url: `/api/v1/users/${MISSING_ID}`,
      headers: { 'if-none-match': String(missing.headers.etag ?? '*') },
    });
    expect(again.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const created = await ctx.admin.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'if-none-match': '*' },
      payload: { email: 'w@example.com', name: 'W' },
    });
    expect(created.statusCode).toBe(201);
  });
});

describe('PATCH /api/v1/users/:id', () => {
  it('updates the given fields and bumps updatedAt', async () => {
    const user = await createUser(ctx.admin, { email: 'barbara@example.com', name: 'Barbara' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const response = await ctx.admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { name: 'Barbara Liskov', status: 'suspended', email: ' BL@Example.com' },
    });
    expect(response.statusCode).toBe(200);
    const data = response.json().data;
    expect(data).toMatchObject({ id: user.id, name: 'Barbara Liskov', status: 'suspended', email: 'bl@example.com' });
    expect(data.createdAt).toBe(user.createdAt);
    expect(Date.parse(data.updatedAt)).toBeGreaterThan(Date.parse(user.updatedAt));
  });

  it('answers 404, 409 and 400 where they apply', async () => {
    const a = await createUser(ctx.admin, { email: 'a@example.com', name: 'A' });
    await createUser(ctx.admin, { email: 'b@example.com', name: 'B' });

    const missing = await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${MISSING_ID}`, payload: { name: 'X' } });
    expect(missing.statusCode).toBe(404);

    const taken = await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${a.id}`, payload: { email: 'B@example.com' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('CONFLICT');

    const empty = await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${a.id}`, payload: {} });
    expect(empty.statusCode).toBe(400);

    const unknown = await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${a.id}`, payload: { id: MISSING_ID } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toContainEqual({ field: 'id', message: 'is not an allowed body field' });
  });
});

describe('DELETE /api/v1/users/:id', () => {
  it('answers 204 with no body, then 404', async () => {
    const user = await createUser(ctx.admin, { email: 'gone@example.com', name: 'Gone' });
    const deleted = await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/users/${user.id}` });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    const again = await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/users/${user.id}` });
    expect(again.statusCode).toBe(404);
  });
});
