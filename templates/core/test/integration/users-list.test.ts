import { describe, expect, it } from 'vitest';
import { users as usersTable } from '../../src/db/schema.js';
import type { User } from '../../src/types/user.js';
import { useTestApp } from '../helpers/app.js';
import { createUser, createUsers } from '../helpers/users.js';

const ctx = useTestApp();

interface ListBody {
  success: boolean;
  data: Partial<User>[];
  pagination: { limit: number; hasMore?: boolean; nextCursor?: string | null; page?: number; total?: number; totalPages?: number };
}

async function list(query: string): Promise<ListBody> {
  const response = await ctx.admin.inject({ url: `/api/v1/users${query}` });
  if (response.statusCode !== 200) throw new Error(`${query}: ${response.statusCode} ${response.body}`);
  return response.json<ListBody>();
}

async function listError(query: string) {
  const response = await ctx.admin.inject({ url: `/api/v1/users${query}` });
  expect(response.statusCode).toBe(400);
  return response.json<{ error: { code: string; message: string; details: { field: string; message: string }[] } }>().error;
}

/** Follows nextCursor to the end; `between` runs after each page (to write concurrently). */
async function walk(query: string, between?: (page: number) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const sep = query.includes('?') ? '&' : '?';
    const body = await list(cursor === null ? query : `${query}${sep}cursor=${cursor}`);
    seen.push(...body.data.map((u) => String(u.name)));
    cursor = body.pagination.nextCursor ?? null;
    if (cursor === null) return seen;
    await between?.(page);
  }
  throw new Error('pagination did not terminate');
}

describe('cursor pagination (default)', () => {
  it('pages newest first with hasMore/nextCursor and ends with nextCursor null', async () => {
    await createUsers(ctx.admin, ['u1', 'u2', 'u3', 'u4', 'u5']);
    const first = await list('?limit=2');
    expect(first.data.map((u) => u.name)).toEqual(['u5', 'u4']);
    expect(first.pagination).toMatchObject({ limit: 2, hasMore: true });
    expect(first.pagination.nextCursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(await walk('?limit=2')).toEqual(['u5', 'u4', 'u3', 'u2', 'u1']);

    const exact = await list('?limit=5');
    expect(exact.pagination).toEqual({ limit: 5, hasMore: false, nextCursor: null });
  });

  it('uses limit 20 by default', async () => {
    await createUsers(ctx.admin, Array.from({ length: 21 }, (_, i) => `n${String(i).padStart(2, '0')}`));
    const body = await list('');
    expect(body.data).toHaveLength(20);
    expect(body.pagination.hasMore).toBe(true);
  });

  it('is stable under inserts between page fetches: no row skipped or repeated', async () => {
    const originals = await createUsers(ctx.admin, ['b', 'd', 'f', 'h', 'j', 'l']);
    let extra = 0;
    const insert = async () => {
      // Names land both before and after the cursor position in name order.
      for (const name of ['a', 'm']) await createUser(ctx.admin, { email: `x${extra++}${name}@example.com`, name: `${name}${extra}` });
    };

    const byDate = await walk('?limit=2', insert);
    expect(byDate).toEqual(['l', 'j', 'h', 'f', 'd', 'b']);

    const byName = await walk('?limit=2&sort=name', insert);
    for (const user of originals) expect(byName.filter((n) => n === user.name)).toHaveLength(1);
    expect(new Set(byName).size).toBe(byName.length);
    expect(byName).toEqual([...byName].sort());
  });

  it('breaks ties on equal sort values by id, so rows sharing a timestamp are neither lost nor repeated', async () => {
    const at = new Date('2025-01-01T00:00:00.000Z');
    await ctx.deps.database.db
      .insert(usersTable)
      .values(Array.from({ length: 7 }, (_, i) => ({ email: `tie${i}@example.com`, name: `tie${i}`, createdAt: at })));
    const names = await walk('?limit=3');
    expect(names).toHaveLength(7);
    expect(new Set(names).size).toBe(7);
    const asc = await walk('?limit=2&sort=createdAt');
    expect(asc).toEqual([...names].reverse());
  });

  it('rejects a tampered cursor and one issued for another sort or filter', async () => {
    await createUsers(ctx.admin, ['p1', 'p2', 'p3']);
    const cursor = String((await list('?limit=1')).pagination.nextCursor);
    const [body = '', signature = ''] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ f: 'x', p: ['2000-01-01T00:00:00.000Z', '0'] })).toString('base64url');

    for (const bad of [`${forged}.${signature}`, `${body}.${signature.slice(0, -2)}AA`, 'garbage', `${body}x.${signature}`]) {
      const error = await listError(`?limit=1&cursor=${bad}`);
      expect(error.code).toBe('VALIDATION_ERROR');
      expect(error.details[0]?.field).toBe('cursor');
    }
    const otherSort = await listError(`?limit=1&sort=name&cursor=${cursor}`);
    expect(otherSort.details[0]?.message).toMatch(/different sort or filter/);
    const otherFilter = await listError(`?limit=1&role=admin&cursor=${cursor}`);
    expect(otherFilter.details[0]?.field).toBe('cursor');
  });
});

describe('offset pagination', () => {
  it('returns page, limit, total and totalPages', async () => {
    await createUsers(ctx.admin, ['o1', 'o2', 'o3', 'o4', 'o5']);
    const second = await list('?page=2&limit=2');
    expect(second.data.map((u) => u.name)).toEqual(['o3', 'o2']);
    expect(second.pagination).toEqual({ page: 2, limit: 2, total: 5, totalPages: 3 });
    const beyond = await list('?page=9&limit=2');
    expect(beyond.data).toEqual([]);
    expect(beyond.pagination.total).toBe(5);
  });

  it('refuses page and cursor together', async () => {
    const error = await listError('?page=1&cursor=abc');
    expect(error.details.map((d) => d.field)).toContain('cursor');
  });
});

describe('filters, sort, fields, search', () => {
  it('filters by status and role', async () => {
    const [a, , c] = await createUsers(ctx.admin, ['fa', 'fb', 'fc']);
    await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${a?.id}`, payload: { role: 'admin' } });
    await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${c?.id}`, payload: { status: 'suspended', role: 'admin' } });
    expect((await list('?role=admin&sort=name')).data.map((u) => u.name)).toEqual(['fa', 'fc']);
    expect((await list('?status=suspended')).data.map((u) => u.name)).toEqual(['fc']);
    expect((await list('?status=active&role=admin')).data.map((u) => u.name)).toEqual(['fa']);
    expect((await list('?page=1&role=user')).pagination.total).toBe(1);
  });

  it('sorts by several allow-listed keys', async () => {
    await createUser(ctx.admin, { email: 'z1@example.com', name: 'same' });
    await createUser(ctx.admin, { email: 'a1@example.com', name: 'same' });
    await createUser(ctx.admin, { email: 'm1@example.com', name: 'alpha' });
    expect((await list('?sort=name,-email')).data.map((u) => u.email)).toEqual([
      'm1@example.com',
      'z1@example.com',
      'a1@example.com',
    ]);
    expect((await list('?sort=email')).data.map((u) => u.email)).toEqual(['a1@example.com', 'm1@example.com', 'z1@example.com']);
    expect(await walk('?sort=name,-email&limit=1')).toEqual(['alpha', 'same', 'same']);
  });

  it('returns only the requested fields', async () => {
    await createUsers(ctx.admin, ['fields']);
    const body = await list('?fields=id,name');
    expect(Object.keys(body.data[0] ?? {}).sort()).toEqual(['id', 'name']);
    const paged = await list('?page=1&fields=email');
    expect(paged.data[0]).toEqual({ email: 'fields@example.com' });
  });

  it('searches name and email case-insensitively, with % and _ taken literally', async () => {
    await createUser(ctx.admin, { email: 'john@example.com', name: 'Johnny' });
    await createUser(ctx.admin, { email: 'mary@jOhNson.org', name: 'Mary' });
    await createUser(ctx.admin, { email: 'pct@example.com', name: '100% sure' });
    await createUser(ctx.admin, { email: 'under_score@example.com', name: 'Under' });
    await createUser(ctx.admin, { email: 'underxscore@example.com', name: 'Decoy' });

    expect((await list('?search=JOHN&sort=name')).data.map((u) => u.name)).toEqual(['Johnny', 'Mary']);
    expect((await list('?search=0%25')).data.map((u) => u.name)).toEqual(['100% sure']);
    expect((await list('?search=%25')).data.map((u) => u.name)).toEqual(['100% sure']);
    expect((await list('?search=r_s')).data.map((u) => u.name)).toEqual(['Under']);
    expect((await list('?search=nobody')).data).toEqual([]);
  });
});

describe('query validation names the parameter', () => {
  it.each([
    ['?limit=101', 'limit'],
    ['?limit=0', 'limit'],
    ['?limit=ten', 'limit'],
    ['?page=0', 'page'],
    ['?sort=password', 'sort'],
    ['?sort=name,name', 'sort'],
    ['?fields=id,passwordHash', 'fields'],
    ['?status=deleted', 'status'],
    ['?role=root', 'role'],
    ['?foo=bar', 'foo'],
    ['?search=', 'search'],
  ])('%s → 400 naming %s', async (query, field) => {
    const error = await listError(query);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details.map((d) => d.field)).toContain(field);
    expect(error.message).toContain(field);
  });
});
