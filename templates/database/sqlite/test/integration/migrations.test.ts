import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator, loadMigrations } from '../../src/db/migrator.js';
import { users } from '../../src/db/schema.js';
import { seed, SEED_USERS } from '../../src/db/seed.js';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.js';
import type { Database } from '../../src/lib/database.js';
import { testEnv } from '../helpers/env.js';
import { databaseShape, drizzleShape, nonStrictTables, schemaObjects } from '../helpers/schema-snapshot.js';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase(testEnv(), { migrate: false });
});

afterAll(async () => {
  await testDb.dispose();
});

async function tableExists(database: Database, name: string): Promise<boolean> {
  const rows = await database.rawTransaction((tx) => tx.query(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`, [name]));
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
    const migrated = await databaseShape(database);

    // Every down.sql, newest first, must undo its up.sql completely: nothing but the bookkeeping table is left.
    expect(await migrator.rollback(all.length)).toEqual([...all].reverse());
    expect(await schemaObjects(database)).toEqual(['table schema_migrations']);
    expect((await migrator.status()).every((s) => s.appliedAt === null)).toBe(true);

    expect(await migrator.migrate()).toEqual(all);
    expect(await databaseShape(database)).toEqual(migrated);
  });

  it('concurrent migrators apply each migration exactly once', async () => {
    const migrator = createMigrator(testDb.database);
    await migrator.rollback(100);
    const other = await testDb.connect();
    const [a, b] = await Promise.all([migrator.migrate(), createMigrator(other).migrate()]);
    const all = (await loadMigrations()).map((m) => m.version);
    expect([...a, ...b].sort()).toEqual(all);
  });

  it('the drizzle schema matches the migrated tables: columns, types, nullability, indexes, constraints, foreign keys', async () => {
    const { schema_migrations: _bookkeeping, ...inDb } = await databaseShape(testDb.database);
    const inCode = await drizzleShape();
    expect(inCode.users).toBeDefined();
    expect(inDb).toEqual(inCode);
  });

  it('makes every table STRICT, so SQLite refuses a value of the wrong type', async () => {
    expect(await nonStrictTables(testDb.database)).toEqual([]);
  });

  it('rejects what the constraints forbid, whatever the application does', async () => {
    const { db } = testDb.database;
    await expect(db.insert(users).values({ email: 'UPPER@example.com', name: 'x' })).rejects.toThrow();
    await expect(db.insert(users).values({ email: 'blank@example.com', name: '  ' })).rejects.toThrow();
    await expect(db.insert(users).values({ email: 'long@example.com', name: 'x'.repeat(101) })).rejects.toThrow();
    await expect(db.insert(users).values({ email: 'role@example.com', name: 'x', role: 'root' as 'user' })).rejects.toThrow();
  });

  it('seed is idempotent', async () => {
    expect(await seed(testDb.database)).toBe(SEED_USERS.length);
    expect(await seed(testDb.database)).toBe(0);
  });
});
