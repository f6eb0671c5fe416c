import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator, loadMigrations, MigrationStateError } from '../../src/db/migrator.js';
import { users } from '../../src/db/schema.js';
import { seed, SEED_USERS } from '../../src/db/seed.js';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.js';
import { COLLATION, type Database } from '../../src/lib/database.js';
import { testEnv } from '../helpers/env.js';
import { databaseShape, drizzleShape, schemaObjects } from '../helpers/schema-snapshot.js';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase(testEnv(), { migrate: false });
});

afterAll(async () => {
  // Unset when beforeAll failed (no server): that error is the one to read, not a second one from here.
  await (testDb as TestDatabase | undefined)?.dispose();
});

async function tableExists(database: Database, name: string): Promise<boolean> {
  const rows = await database.withConnection((s) =>
    s.query('SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?', [name]),
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
    expect((await migrator.status()).every((s) => s.appliedAt !== null && !s.modified && s.incomplete === null)).toBe(true);
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

  it('every table is InnoDB in utf8mb4; ids, references, hashes and emails compare byte for byte', async () => {
    const [tables, columns] = await testDb.database.withConnection(async (s) => [
      await s.query(`SELECT table_name AS name, engine, table_collation AS coll FROM information_schema.tables
                      WHERE table_schema = DATABASE() AND table_name <> 'schema_migrations'`),
      await s.query(`SELECT table_name AS tbl, column_name AS col, collation_name AS coll FROM information_schema.columns
                      WHERE table_schema = DATABASE() AND table_name <> 'schema_migrations' AND collation_name IS NOT NULL`),
    ]);
    for (const t of tables) expect(`${String(t.name)} ${String(t.engine)} ${String(t.coll)}`).toBe(`${String(t.name)} InnoDB ${COLLATION}`);
    // Foreign keys need the same collation on both sides; an id compared case-insensitively would be a bug.
    const exact = columns.filter((c) => /^(id|.*_id|.*_hash|email)$/.test(String(c.col)));
    expect(exact.length).toBeGreaterThan(0);
    for (const c of exact) expect(`${String(c.tbl)}.${String(c.col)} ${String(c.coll)}`).toMatch(/ (ascii|utf8mb4)_bin$/);
  });

  it('rejects what the constraints forbid, whatever the application does', async () => {
    const { db } = testDb.database;
    await expect(db.insert(users).values({ email: 'UPPER@example.com', name: 'x' })).rejects.toThrow();
    await expect(db.insert(users).values({ email: 'blank@example.com', name: '  ' })).rejects.toThrow();
    // role and status are ASCII compared byte for byte: 'Admin' is not 'admin'.
    await expect(
      testDb.database.withConnection((s) =>
        s.query(`INSERT INTO users (id, email, name, role) VALUES (UUID(), 'role@example.com', 'x', 'Admin')`),
      ),
    ).rejects.toThrow(/users_role_check/);
  });

  it('seed is idempotent', async () => {
    expect(await seed(testDb.database)).toBe(SEED_USERS.length);
    expect(await seed(testDb.database)).toBe(0);
  });
});

describe('a migration that fails part-way (MySQL cannot roll DDL back)', () => {
  it('is recorded as incomplete, explained, and blocks every later run until resolved', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'migrations-'));
    const scratch = await createTestDatabase(testEnv(), { migrate: false });
    try {
      const write = async (version: string, up: string, down: string) => {
        await mkdir(join(dir, version));
        await writeFile(join(dir, version, 'up.sql'), up);
        await writeFile(join(dir, version, 'down.sql'), down);
      };
      await write('0001_one', 'CREATE TABLE one (x int);', 'DROP TABLE one;');
      await write('0002_two', 'CREATE TABLE two (x int);\n-- a ; inside a comment\nSELECT * FROM missing_table;', 'DROP TABLE IF EXISTS two;');
      const migrator = createMigrator(scratch.database, dir);

      const failure = await migrator.migrate().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MigrationStateError);
      expect(String(failure)).toMatch(/0002_two up\.sql failed at statement 2 of 2 .*missing_table.*statements 1–1 stayed applied/);
      // 0001 is recorded as applied; 0002's first statement stayed, and its row says so.
      expect(await tableExists(scratch.database, 'one')).toBe(true);
      expect(await tableExists(scratch.database, 'two')).toBe(true);
      const status = await migrator.status();
      expect(status.map((s) => [s.version, s.appliedAt !== null, s.incomplete !== null])).toEqual([
        ['0001_one', true, false],
        ['0002_two', false, true],
      ]);
      expect(status[1]?.incomplete).toMatch(/^up\.sql failed at statement 2 of 2/);

      await expect(migrator.migrate()).rejects.toThrow(/Migration 0002_two is incomplete: .*DELETE FROM schema_migrations WHERE version = '0002_two'/);
      await expect(migrator.rollback()).rejects.toThrow(MigrationStateError);

      // Resolved by hand as the message says: the schema repaired, the row deleted; then it runs again.
      await scratch.database.withConnection(async (s) => {
        await s.exec('DROP TABLE two');
        await s.exec(`DELETE FROM schema_migrations WHERE version = '0002_two'`);
      });
      await writeFile(join(dir, '0002_two', 'up.sql'), 'CREATE TABLE two (x int);');
      expect(await migrator.migrate()).toEqual(['0002_two']);
      expect(await migrator.rollback(2)).toEqual(['0002_two', '0001_one']);
    } finally {
      await scratch.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
