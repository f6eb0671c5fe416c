import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiKeys } from '../../src/db/api-key-schema.js';
import { createMigrator } from '../../src/db/migrator.js';
import { seed } from '../../src/db/seed.js';
import { seedAdmin } from '../../src/db/seed-admin.js';
import { createDatabase } from '../../src/lib/database.js';
import { useTestApp } from '../helpers/app.js';
import { createKey, withKey } from '../helpers/api-keys.js';
import { scratchDatabase } from '../helpers/database-env.js';
import { testEnv } from '../helpers/env.js';

const ctx = useTestApp();
const KEY = /sbk_[A-Za-z0-9_-]{43}/g;
const env = { ADMIN_EMAIL: 'root@example.com', ADMIN_NAME: 'Root' };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function printedKey(output: string | null): string {
  const keys = output?.match(KEY) ?? [];
  expect(keys, String(output)).toHaveLength(1);
  return keys[0] ?? '';
}

const keyCount = async (userId: string) => (await ctx.deps.database.db.select().from(apiKeys).where(eq(apiKeys.userId, userId))).length;

describe('npm run db:seed: the first admin and its API key', () => {
  it('is skipped, saying why, when ADMIN_EMAIL is unset', async () => {
    expect(await seedAdmin(ctx.testDb.database, { ADMIN_EMAIL: undefined, ADMIN_NAME: 'Admin' })).toMatch(/No admin created: set ADMIN_EMAIL/);
    expect((await ctx.admin.inject({ url: '/api/v1/users?page=1' })).json().pagination.total).toBe(0);
  });

  it('creates the admin and prints its key once; the key administers; a re-run shows no key', async () => {
    const first = await seedAdmin(ctx.testDb.database, env);
    expect(first).toMatch(/^Created the first admin root@example.com\./);
    expect(first).toMatch(/Store it now: it will not be shown again/);
    const key = printedKey(first);

    const list = await withKey(ctx.app, key).inject({ url: '/api/v1/users' });
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toMatchObject([{ email: 'root@example.com', name: 'Root', role: 'admin', status: 'active' }]);
    const admin = list.json().data[0];

    const second = await seedAdmin(ctx.testDb.database, { ...env, ADMIN_NAME: 'Other' });
    expect(second).toMatch(/already exists and has a live API key \(sbk_.{8}…\); no new key/);
    expect(second?.match(KEY)).toBeNull();
    expect(await keyCount(admin.id)).toBe(1);
    expect((await withKey(ctx.app, key).inject({ url: '/api/v1/users/me' })).json().data.name).toBe('Root');
  });

  it('gives an admin whose keys were all revoked a new one', async () => {
    const key = printedKey(await seedAdmin(ctx.testDb.database, env));
    const client = withKey(ctx.app, key);
    const [own] = (await client.inject({ url: '/api/v1/api-keys' })).json().data;
    await client.inject({ method: 'DELETE', url: `/api/v1/api-keys/${own.id}` });
    const again = await seedAdmin(ctx.testDb.database, env);
    expect(again).toMatch(/already exists but had no live API key/);
    expect((await withKey(ctx.app, printedKey(again)).inject({ url: '/api/v1/users/me' })).statusCode).toBe(200);
  });

  it('claims a sample account that never had a key, and leaves an account with keys of its own alone', async () => {
    await seed(ctx.testDb.database);
    const claimed = await seedAdmin(ctx.testDb.database, { ADMIN_EMAIL: 'grace@example.com', ADMIN_NAME: 'Admin' });
    expect(claimed).toMatch(/Made the existing account grace@example.com an admin/);
    expect((await withKey(ctx.app, printedKey(claimed)).inject({ url: '/api/v1/users/me' })).json().data).toMatchObject({ role: 'admin', name: 'Grace Hopper' });

    const alan = (await ctx.admin.inject({ url: '/api/v1/users?search=alan' })).json().data[0];
    await createKey(ctx.admin, { userId: alan.id });
    const refused = await seedAdmin(ctx.testDb.database, { ADMIN_EMAIL: 'alan@example.com', ADMIN_NAME: 'Admin' });
    expect(refused).toMatch(/not changed: this account has API keys of its own \(role user, status active\)/);
    expect(refused?.match(KEY)).toBeNull();
    expect(await keyCount(alan.id)).toBe(1);
  });

  it('two seeds at once create one key between them', async () => {
    printedKey(await seedAdmin(ctx.testDb.database, env));
    const admin = (await ctx.admin.inject({ url: '/api/v1/users' })).json().data[0];
    await ctx.deps.database.db.update(apiKeys).set({ revokedAt: new Date() });
    const other = await ctx.testDb.connect();
    // Both connections open first, so the two transactions really overlap (on PGlite they queue).
    await Promise.all([ctx.testDb.database.ping(), other.ping()]);
    const outputs = await Promise.all([seedAdmin(ctx.testDb.database, env), seedAdmin(other, env)]);
    expect(outputs.flatMap((output) => output?.match(KEY) ?? [])).toHaveLength(1);
    expect(await keyCount(admin.id)).toBe(2);
  });
});

describe('the db:seed command', () => {
  const run = promisify(execFile);
  const root = new URL('../..', import.meta.url).pathname;

  it('prints the key once, with the "store it now" line, and only that key is stored', { timeout: 120_000 }, async () => {
    const scratch = await scratchDatabase();
    try {
      const vars = { ...scratch.vars, ADMIN_EMAIL: 'Ops@Example.com', ADMIN_NAME: 'Ops' };
      const database = await createDatabase(testEnv(vars));
      await createMigrator(database).migrate().finally(() => database.close());
      const seedCommand = () => run(process.execPath, ['--import', 'tsx', 'src/db/cli.ts', 'seed'], { cwd: root, env: { ...process.env, ...vars } });

      const first = await seedCommand();
      expect(first.stdout).toMatch(/Seeded 4 user\(s\)/);
      expect(first.stdout).toMatch(/Created the first admin ops@example.com\./);
      expect(first.stdout).toMatch(/Store it now: it will not be shown again/);
      const key = printedKey(first.stdout);
      expect(first.stderr).not.toContain(key);

      const second = await seedCommand();
      expect(second.stdout).toMatch(/Admin ops@example.com already exists and has a live API key/);
      expect(`${second.stdout}${second.stderr}`.match(KEY)).toBeNull();

      const check = await createDatabase(testEnv(vars));
      try {
        const rows = await check.db.select().from(apiKeys);
        expect(rows.map((row) => row.keyHash)).toEqual([sha256(key)]);
      } finally {
        await check.close();
      }
    } finally {
      await scratch.drop();
    }
  });
});
