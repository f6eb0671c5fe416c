import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { COLLATION, createDatabase, requireDatabaseUrl, type Database, type DatabaseEnv } from '../lib/database.js';
import { createMigrator } from './migrator.js';

/**
 * Databases for tests, one per test file: a database of its own on the server in DATABASE_URL (created
 * here, dropped by dispose()), so test files can run in parallel against one MySQL without seeing each
 * other. The user in DATABASE_URL must be allowed to CREATE and DROP databases.
 * Not used by the application; lives here because it is MySQL-specific.
 */

export interface TestDatabase {
  database: Database;
  /** Another connection pool on the same data (for concurrency tests). */
  connect(): Promise<Database>;
  /** Empties every table except the migration history. */
  reset(): Promise<void>;
  dispose(): Promise<void>;
}

export async function createTestDatabase(
  env: DatabaseEnv,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const isolation = await createIsolatedDatabase(requireDatabaseUrl(env));
  const open = () => createDatabase({ ...env, DATABASE_URL: isolation.url });
  const database = await open();
  if (options.migrate !== false) await createMigrator(database).migrate();

  const extra: Database[] = [];
  return {
    database,
    async connect() {
      const another = await open();
      extra.push(another);
      return another;
    },
    async reset() {
      // A job still running from the previous test (a worker) may hold row locks that the DELETEs meet in
      // the other order; InnoDB then ends one side as a deadlock victim (1213), and a retry goes through.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await emptyAll(database);
          return;
        } catch (error) {
          if (attempt >= 5 || !isDeadlock(error)) throw error;
        }
      }
    },
    async dispose() {
      await Promise.all(extra.map((db) => db.close()));
      await database.close();
      await isolation.drop();
    },
  };
}

async function emptyAll(database: Database): Promise<void> {
  await database.withConnection(async (s) => {
    const rows = await s.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`,
    );
    // DELETE, not TRUNCATE: TRUNCATE is DDL in MySQL (it recreates the table) and much slower on small tables.
    // Foreign keys off for this connection only, so the order of the tables does not matter.
    await s.exec('SET FOREIGN_KEY_CHECKS = 0');
    try {
      for (const row of rows) await s.exec(`DELETE FROM \`${String(row.name).replaceAll('`', '``')}\``);
    } finally {
      await s.exec('SET FOREIGN_KEY_CHECKS = 1');
    }
  });
}

function isDeadlock(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'errno' in error && error.errno === 1213;
}

export interface IsolatedDatabase {
  name: string;
  /** DATABASE_URL with the new database in place of the original one. */
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database next to the one in `url` (same server and credentials). */
export async function createIsolatedDatabase(url: string, prefix = 'test'): Promise<IsolatedDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(url, `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE ${COLLATION}`).catch((error: unknown) => {
    const denied = typeof error === 'object' && error !== null && 'errno' in error && (error.errno === 1044 || error.errno === 1045);
    if (!denied) throw error;
    throw new Error(
      'Tests create a database per test file, and the user in DATABASE_URL may not: use one with CREATE and DROP ' +
        'privileges (with docker compose: DATABASE_URL=mysql://root:app@localhost:3306/app).',
      { cause: error },
    );
  });
  const isolated = new URL(url);
  isolated.pathname = `/${name}`;
  return {
    name,
    url: isolated.toString(),
    drop: () => onServer(url, `DROP DATABASE IF EXISTS \`${name}\``),
  };
}

async function onServer(url: string, statement: string): Promise<void> {
  const connection = await mysql.createConnection({ uri: url, connectTimeout: 5000 });
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}
