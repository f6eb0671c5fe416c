import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createDatabase, MEMORY, type Database, type DatabaseEnv } from '../lib/database.js';
import { createMigrator } from './migrator.js';

/**
 * Databases for tests, one per test file. With SQLITE_PATH=:memory: (the default of the tests) a fresh
 * in-memory database; with a file path, a fresh file of its own beside it (removed by dispose()), so
 * the suites can also run on real files (WAL, file locks) and test files never see each other's data.
 * Not used by the application; lives here because it is SQLite-specific.
 */

export interface TestDatabase {
  database: Database;
  /** Another connection to the same data; an in-memory database has only one, so it is shared. */
  connect(): Promise<Database>;
  /** Empties every table except the migration history. */
  reset(): Promise<void>;
  dispose(): Promise<void>;
}

export async function createTestDatabase(
  env: DatabaseEnv,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const path = env.SQLITE_PATH === MEMORY ? MEMORY : join(dirname(env.SQLITE_PATH), `test-${randomBytes(6).toString('hex')}.sqlite`);
  const open = () => createDatabase({ ...env, SQLITE_PATH: path });
  const database = await open();
  if (options.migrate !== false) await createMigrator(database).migrate();

  const extra: Database[] = [];
  return {
    database,
    async connect() {
      if (path === MEMORY) return { ...database, close: async () => {} };
      const another = await open();
      extra.push(another);
      return another;
    },
    reset: () => deleteAll(database),
    async dispose() {
      await Promise.all(extra.map((db) => db.close()));
      await database.close();
      if (path !== MEMORY) await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${path}${suffix}`, { force: true })));
    },
  };
}

async function deleteAll(database: Database): Promise<void> {
  await database.rawTransaction((tx) => {
    // Checked at COMMIT instead of row by row, when every table is empty: the order of the DELETEs is free.
    tx.exec('PRAGMA defer_foreign_keys = ON');
    const tables = tx.query(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'schema_migrations'`,
    );
    for (const { name } of tables) tx.exec(`DELETE FROM "${String(name).replaceAll('"', '""')}"`);
  });
}
