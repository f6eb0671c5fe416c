import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';

/**
 * What the database option adds to test environments; each database ships its own version of this file,
 * so shared tests never name a driver. This one (`--database sqlite`): a fresh in-memory database per
 * test file, or, when SQLITE_PATH is set (`SQLITE_PATH=/tmp/solid/test.sqlite npm test`), a fresh file
 * per test file beside that path, so the very same suites run on real files (WAL, file locks).
 */
export function databaseTestEnv(): Record<string, string | undefined> {
  return { SQLITE_PATH: process.env.SQLITE_PATH || ':memory:', SQLITE_BUSY_TIMEOUT_MS: '5000' };
}

/** `database.kind` in this run. */
export function expectedDatabaseKind(): string {
  return 'sqlite';
}

/**
 * A database that cannot be used: a path beneath this very file, a regular file, so neither the
 * directory nor the database can ever be created there, on any system.
 */
export function unreachableDatabaseEnv(): Record<string, string> {
  return { SQLITE_PATH: join(fileURLToPath(import.meta.url), 'unreachable', 'app.sqlite') };
}

/** A database of its own for a child process: a file in a fresh temporary directory. */
export async function scratchDatabase(): Promise<{ vars: Record<string, string>; drop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'scratch-db-'));
  return { vars: { SQLITE_PATH: join(dir, 'app.sqlite') }, drop: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The error this driver throws for a duplicate in `table` (`columns`), whose key the migrations name
 * `<table>_<columns>_unique`; for tests of error handling that must not depend on the database. SQLite's
 * message names the columns and never the value, so `value` only keeps the signature of the other databases.
 */
export function duplicateKeyDriverError(table: string, columns: readonly string[], value: string): Error {
  void value;
  const failed = columns.map((column) => `${table}.${column}`).join(', ');
  return new BetterSqlite3.SqliteError(`UNIQUE constraint failed: ${failed}`, 'SQLITE_CONSTRAINT_UNIQUE');
}

/** The error this driver throws when the database cannot be used (here: locked past the busy timeout). */
export function unavailableDriverError(): Error {
  return new BetterSqlite3.SqliteError('database is locked', 'SQLITE_BUSY');
}
