import { readdir } from 'node:fs/promises';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator, loadMigrations } from '../../src/db/migrator.js';
import { users } from '../../src/db/schema.js';
import { seed, SEED_USERS } from '../../src/db/seed.js';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.js';
import type { Database } from '../../src/lib/database.js';
import { testEnv } from '../helpers/env.js';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase(testEnv(), { migrate: false });
});

afterAll(async () => {
  await testDb.dispose();
});

/**
 * Columns (name → NOT NULL) of every table declared in src/db/*schema.ts. A table may be declared in
 * parts (auth-schema.ts adds the auth columns of `users`), so declarations of one table are merged.
 */
async function drizzleTables(): Promise<Record<string, Record<string, boolean>>> {
  const dir = new URL('../../src/db/', import.meta.url);
  const files = (await readdir(dir)).filter((file) => file.endsWith('schema.ts'));
  const tables: Record<string, Record<string, boolean>> = {};
  for (const file of files) {
    const module: Record<string, unknown> = await import(new URL(file, dir).href);
    for (const value of Object.values(module)) {
      if (!is(value, PgTable)) continue;
      const columns = (tables[getTableName(value)] ??= {});
      for (const column of Object.values(getTableColumns(value))) columns[column.name] = column.notNull;
    }
  }
  return tables;
}

async function tableExists(database: Database, name: string): Promise<boolean> {
  const rows = await database.rawTransaction((tx) =>
    tx.query('SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1', [name]),
  );
  return rows.length > 0;
}

describe('migrations', () => {
  it('every migration folder has an up and a down', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.version)).toContain('0001_create_users');
    for (const m of migrations) expect(m.down.trim().length).toBeGreaterThan(0);
  });

  it('up → down → up, and migrating twice is a no-op', async () => {
    const { database } = testDb;
    const migrator = createMigrator(database);
    const all = (await loadMigrations()).map((m) => m.version);

    expect(await migrator.migrate()).toEqual(all);
    expect(await tableExists(database, 'users')).toBe(true);
    expect(await migrator.migrate()).toEqual([]);
    expect((await migrator.status()).every((s) => s.appliedAt !== null && !s.modified)).toBe(true);

    expect(await migrator.rollback()).toEqual([all.at(-1)]);
    expect(await tableExists(database, 'users')).toBe(all.length > 1);
    expect((await migrator.status()).at(-1)?.appliedAt).toBeNull();

    expect(await migrator.migrate()).toEqual([all.at(-1)]);
    expect(await tableExists(database, 'users')).toBe(true);
  });

  it('concurrent migrators apply each migration exactly once', async () => {
    const migrator = createMigrator(testDb.database);
    await migrator.rollback(100);
    const other = await testDb.connect();
    const [a, b] = await Promise.all([migrator.migrate(), createMigrator(other).migrate()]);
    const all = (await loadMigrations()).map((m) => m.version);
    expect([...a, ...b].sort()).toEqual(all);
  });

  it('the drizzle schema matches the migrated tables', async () => {
    const rows = await testDb.database.rawTransaction((tx) =>
      tx.query(
        `SELECT table_name, column_name, is_nullable FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'`,
      ),
    );
    const inDb: Record<string, Record<string, boolean>> = {};
    for (const r of rows) (inDb[String(r.table_name)] ??= {})[String(r.column_name)] = r.is_nullable === 'NO';
    const inCode = await drizzleTables();
    expect(inCode.users).toBeDefined();
    expect(inDb).toEqual(inCode);
  });

  it('rejects what the constraints forbid, whatever the application does', async () => {
    const { db } = testDb.database;
    await expect(db.insert(users).values({ email: 'UPPER@example.com', name: 'x' })).rejects.toThrow();
    await expect(db.insert(users).values({ email: 'blank@example.com', name: '  ' })).rejects.toThrow();
  });

  it('seed is idempotent', async () => {
    expect(await seed(testDb.database)).toBe(SEED_USERS.length);
    expect(await seed(testDb.database)).toBe(0);
  });
});
