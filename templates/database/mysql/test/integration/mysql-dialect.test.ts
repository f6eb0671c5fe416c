import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.js';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.js';
import { DrizzleUsersRepository } from '../../src/repositories/users.repository.js';
import type { User, UserListQuery } from '../../src/types/user.js';
import { ConflictError } from '../../src/utils/errors.js';
import { testEnv } from '../helpers/env.js';

/**
 * What MySQL/MariaDB does differently from PostgreSQL underneath the same repository, pinned down:
 * text compares by collation (utf8mb4_unicode_520_ci: case- and accent-insensitive, emoji-aware) except
 * emails (binary), timestamps are DATETIME(3) that the connection keeps in UTC.
 */

let testDb: TestDatabase;
let repo: DrizzleUsersRepository;

beforeAll(async () => {
  testDb = await createTestDatabase(testEnv());
  repo = new DrizzleUsersRepository(testDb.database.db);
});

beforeEach(async () => {
  await testDb.reset();
});

afterAll(async () => {
  // Unset when beforeAll failed (no server): that error is the one to read, not a second one from here.
  await (testDb as TestDatabase | undefined)?.dispose();
});

const names = (rows: User[]) => rows.map((u) => u.name).sort();
const search = async (text: string) =>
  names((await repo.listPage({ filters: { search: text }, sort: [{ key: 'name', direction: 'asc' }], limit: 100 }, 0)).rows);

describe('text', () => {
  it('searches case-insensitively beyond ASCII, ignoring accents as the collation does', async () => {
    await repo.create({ email: 'emile@example.com', name: 'Émile Zola' });
    await repo.create({ email: 'straße@example.com', name: 'Grüße' });
    expect(await search('ÉMILE')).toEqual(['Émile Zola']);
    expect(await search('émile')).toEqual(['Émile Zola']);
    // Unlike PostgreSQL's ILIKE: utf8mb4_unicode_520_ci also equates letters that differ only by accent.
    expect(await search('emile')).toEqual(['Émile Zola']);
    expect(await search('GRÜ')).toEqual(['Grüße']);
    expect(await search('STRAẞE@')).toEqual(['Grüße']);
  });

  it('tells emoji apart (utf8mb4_unicode_ci would not), and stores NUL and 4-byte characters as they are', async () => {
    await repo.create({ email: 'cat@example.com', name: 'Cat 🐱' });
    await repo.create({ email: 'dog@example.com', name: 'Dog 🐶' });
    expect(await search('🐱')).toEqual(['Cat 🐱']);
    const odd = await repo.create({ email: 'nul@example.com', name: 'a\u0000b 𝄞' });
    expect((await repo.findById(odd.id))?.name).toBe('a\u0000b 𝄞');
  });

  it('keeps emails exact: addresses that differ only by an accent are two users', async () => {
    await repo.create({ email: 'jose@example.com', name: 'Jose' });
    await expect(repo.create({ email: 'josé@example.com', name: 'José' })).resolves.toMatchObject({ email: 'josé@example.com' });
    await expect(repo.create({ email: 'jose@example.com', name: 'Again' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('pages by name through names equal under the collation, each exactly once', async () => {
    const all = ['anna', 'Anna', 'ANNA', 'Änna', 'bob'];
    for (const [i, name] of all.entries()) await repo.create({ email: `n${i}@example.com`, name });
    const query: UserListQuery = { filters: {}, sort: [{ key: 'name', direction: 'asc' }], limit: 2 };
    const seen: string[] = [];
    let after: string[] | undefined;
    for (let page = 0; page < 10; page += 1) {
      const rows = await repo.listAfter(query, after);
      seen.push(...rows.map((u) => u.name));
      const last = rows.at(-1);
      if (rows.length < query.limit || last === undefined) break;
      after = [last.name, last.id];
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(all));
    expect(seen.at(-1)).toBe('bob');
  });
});

describe('time', () => {
  it('round-trips milliseconds in UTC, and the server clock defaults are UTC too', async () => {
    const at = new Date('2025-03-04T05:06:07.089Z');
    await testDb.database.db.insert(users).values({ email: 'time@example.com', name: 'Time', createdAt: at });
    const before = Date.now();
    const fresh = await repo.create({ email: 'now@example.com', name: 'Now' });
    const [stored] = await testDb.database.db.select().from(users).where(eq(users.email, 'time@example.com'));
    expect(stored?.createdAt.toISOString()).toBe('2025-03-04T05:06:07.089Z');
    // Whatever the server's own time zone, CURRENT_TIMESTAMP(3) is taken in the connection's: UTC.
    expect(Math.abs(Date.parse(fresh.createdAt) - before)).toBeLessThan(60_000);
    const [zone] = await testDb.database.withConnection((s) => s.query('SELECT @@session.time_zone AS tz'));
    expect(zone?.tz).toBe('+00:00');
  });
});
