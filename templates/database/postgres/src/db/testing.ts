import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database, type DatabaseEnv } from '../lib/database.js';
import { createMigrator } from './migrator.js';

/**
 * Databases for tests, one per test file. Without DATABASE_URL: a fresh in-memory PGlite.
 * With it: a schema of its own on the real server (created here, dropped by dispose()), reached through
 * `search_path`, so test files can run in parallel against one PostgreSQL without seeing each other.
 * Not used by the application; lives here because it is PostgreSQL-specific.
 */

export interface TestDatabase {
  database: Database;
  /** Another connection to the same data (for concurrency tests); PGlite has only one, so it is shared. */
  connect(): Promise<Database>;
  /** Empties every table except the migration history. */
  reset(): Promise<void>;
  dispose(): Promise<void>;
}

export async function createTestDatabase(
  env: DatabaseEnv,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const isolation = env.DATABASE_URL === undefined ? null : await createSchema(env.DATABASE_URL);
  const open = () =>
    isolation === null
      ? createDatabase({ ...env, PGLITE_DIR: 'memory://' })
      : createDatabase(env, { searchPath: isolation.schema });
  const database = await open();
  if (options.migrate !== false) await createMigrator(database).migrate();

  const extra: Database[] = [];
  return {
    database,
    async connect() {
      if (isolation === null) return { ...database, close: async () => {} };
      const another = await open();
      extra.push(another);
      return another;
    },
    async reset() {
      // A job still running from the previous test (a worker on the real server) may hold row locks that
      // TRUNCATE's table locks meet in the other order; PostgreSQL then ends one side with a deadlock
      // error, and once the job's transaction is gone the same TRUNCATE goes through.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await truncateAll(database);
          return;
        } catch (error) {
          if (attempt >= 5 || !isDeadlock(error)) throw error;
        }
      }
    },
    async dispose() {
      await Promise.all(extra.map((db) => db.close()));
      await database.close();
      await isolation?.drop();
    },
  };
}

async function truncateAll(database: Database): Promise<void> {
  await database.rawTransaction(async (tx) => {
    const rows = await tx.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`,
    );
    const tables = rows.map((row) => `"${String(row.tablename).replaceAll('"', '""')}"`);
    if (tables.length > 0) await tx.exec(`TRUNCATE TABLE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
  });
}

function isDeadlock(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '40P01';
}

async function createSchema(url: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  return {
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
