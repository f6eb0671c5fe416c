import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * What the database option adds to test environments; each database ships its own version of this file,
 * so shared tests never name a driver. This one (`--database postgres`): the real server when
 * DATABASE_URL is set (CI, `DATABASE_URL=… npm test`), a fresh in-memory PGlite otherwise.
 */
export function databaseTestEnv(): Record<string, string | undefined> {
  return { PGLITE_DIR: 'memory://', DATABASE_URL: process.env.DATABASE_URL, DATABASE_POOL_MAX: '4' };
}

/** `database.kind` in this run. */
export function expectedDatabaseKind(): string {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

/** A database that cannot be reached: port 1 on loopback, where every connection attempt is refused at once. */
export function unreachableDatabaseEnv(): Record<string, string> {
  return { DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/none', DATABASE_POOL_MAX: '1' };
}

/** A database of its own for a child process: a PGlite directory, or a fresh database on the server. */
export async function scratchDatabase(): Promise<{ vars: Record<string, string>; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(join(tmpdir(), 'scratch-db-'));
    return { vars: { DATABASE_URL: '', PGLITE_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `scratch_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { vars: { DATABASE_URL: own.href }, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * The error the driver raises for a duplicate `value` in `table` (`columns`), whose constraint the
 * migrations name `<table>_<columns>_unique`: for tests of code that must recognise it without a database.
 */
export function duplicateKeyDriverError(table: string, columns: readonly string[], value: string): Error {
  const constraint = `${table}_${columns.join('_')}_unique`;
  return Object.assign(new Error(`duplicate key value violates unique constraint "${constraint}"`), {
    code: '23505',
    constraint,
    detail: `Key (${columns.join(', ')})=(${value}) already exists.`,
  });
}

/** The error the driver raises when the server cannot be reached. */
export function unavailableDriverError(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
}
