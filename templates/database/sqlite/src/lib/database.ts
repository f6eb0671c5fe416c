import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { Env } from '../config/env.js';
import * as schema from '../db/schema.js';

/**
 * The one place that knows where the data lives: a SQLite file opened with better-sqlite3, one
 * synchronous connection per process. Every statement, and every transaction, runs to its end before any
 * other code of this process runs, so requests never interleave inside a transaction; other processes
 * (a migration, the worker) are kept out by SQLite's file lock, waited for up to SQLITE_BUSY_TIMEOUT_MS.
 */

/** The database or a transaction on it: repositories take either (transactions are synchronous). */
export type Db = BaseSQLiteDatabase<'sync', BetterSqlite3.RunResult, typeof schema>;

export type Row = Record<string, unknown>;

/** Plain SQL inside one transaction, synchronous like everything on this connection. */
export interface SqlTransaction {
  /** Runs a script that may hold several statements; no parameters. */
  exec(script: string): void;
  query(text: string, params?: unknown[]): Row[];
}

export interface RawTransactionOptions {
  /**
   * false: foreign keys are off during the transaction and checked as a whole before COMMIT, the way
   * SQLite's documentation rebuilds a table (DROP TABLE would otherwise cascade into its children).
   */
  foreignKeys?: boolean;
}

export interface Database {
  readonly kind: 'sqlite';
  readonly db: Db;
  /** The file, or ':memory:'. */
  readonly path: string;
  ping(): Promise<void>;
  /**
   * BEGIN IMMEDIATE … COMMIT around `work`, ROLLBACK if it throws. `work` is synchronous (a promise is
   * refused): nothing else can run on the connection meanwhile, and IMMEDIATE takes the write lock at
   * once, so another process doing the same waits instead of failing halfway.
   */
  rawTransaction<T>(work: (tx: SqlTransaction) => T, options?: RawTransactionOptions): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseEnv = Pick<Env, 'SQLITE_PATH' | 'SQLITE_BUSY_TIMEOUT_MS'>;

export interface DatabaseOptions {
  /** Accepted for the shared wiring (src/app/dependencies.ts); SQLite has no pool, so it is never called. */
  onPoolError?: (error: Error) => void;
}

export const MEMORY = ':memory:';

/**
 * Lower case as JavaScript computes it (all of Unicode). SQLite's own lower() and LIKE fold ASCII only,
 * so search compares unicode_lower(column) with a pattern lowered by this same function.
 */
export function unicodeLower(text: string): string {
  return text.toLowerCase();
}

/**
 * Opens the file (creating its directory). A file that cannot be opened does not stop the app, as an
 * unreachable server does not with the other databases: readiness fails with the reason and every query
 * answers 503, until the app is restarted with a usable SQLITE_PATH; the db:* commands print the reason.
 */
export async function createDatabase(env: DatabaseEnv, _options: DatabaseOptions = {}): Promise<Database> {
  const path = env.SQLITE_PATH;
  try {
    return wrap(open(path, env.SQLITE_BUSY_TIMEOUT_MS), path);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return unavailable(path, new Error(`SQLite database ${path} cannot be opened: ${detail}`, { cause: error }));
  }
}

function open(path: string, busyTimeoutMs: number): BetterSqlite3.Database {
  if (path !== MEMORY) mkdirSync(dirname(path), { recursive: true });
  const client = new BetterSqlite3(path, { timeout: busyTimeoutMs });
  try {
    // WAL: readers never block the writer nor the writer them; NORMAL is durable across application
    // crashes and loses at most the last commits on a power cut, the usual pairing with WAL.
    client.pragma('journal_mode = WAL');
    client.pragma('synchronous = NORMAL');
    // Off by default in SQLite, per connection: without it REFERENCES and ON DELETE CASCADE do nothing.
    client.pragma('foreign_keys = ON');
    client.function('unicode_lower', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? unicodeLower(value) : value,
    );
    return client;
  } catch (error) {
    client.close();
    throw error;
  }
}

function runTransaction<T>(
  client: BetterSqlite3.Database,
  work: (tx: SqlTransaction) => T,
  { foreignKeys = true }: RawTransactionOptions,
): T {
  const tx: SqlTransaction = {
    exec: (script) => {
      client.exec(script);
    },
    query: (text, params = []) => {
      const statement = client.prepare<unknown[], Row>(text);
      if (statement.reader) return statement.all(...params);
      statement.run(...params);
      return [];
    },
  };
  // The pragma is a no-op inside a transaction, so it is switched before BEGIN and back after the end.
  if (!foreignKeys) client.pragma('foreign_keys = OFF');
  try {
    client.exec('BEGIN IMMEDIATE');
    try {
      const result = work(tx);
      if (result instanceof Promise) {
        // Its statements would run after COMMIT, outside the transaction: refused, and its outcome dropped.
        result.catch(() => {});
        throw new Error('rawTransaction: work must be synchronous (better-sqlite3 transactions are)');
      }
      if (!foreignKeys) {
        const broken = client.pragma('foreign_key_check') as Row[];
        if (broken.length > 0) throw new Error(`Foreign keys violated: ${JSON.stringify(broken.slice(0, 5))}`);
      }
      client.exec('COMMIT');
      return result;
    } catch (error) {
      if (client.inTransaction) client.exec('ROLLBACK');
      throw error;
    }
  } finally {
    if (!foreignKeys) client.pragma('foreign_keys = ON');
  }
}

function wrap(client: BetterSqlite3.Database, path: string): Database {
  const db: Db = drizzle({ client, schema });
  return {
    kind: 'sqlite',
    db,
    path,
    async ping() {
      // Reads the schema from the file itself (select 1 would not touch it).
      db.get(sql`select count(*) from sqlite_schema`);
    },
    async rawTransaction(work, options = {}) {
      return runTransaction(client, work, options);
    },
    async close() {
      // WAL is checkpointed into the main file when the last connection closes.
      if (client.open) client.close();
    },
  };
}

/**
 * A database whose file could not be opened: queries run on a closed connection and fail ("The
 * database connection is not open", a 503 for the API); ping and raw transactions report why.
 */
function unavailable(path: string, reason: Error): Database {
  const closed = new BetterSqlite3(MEMORY);
  closed.close();
  return {
    kind: 'sqlite',
    db: drizzle({ client: closed, schema }),
    path,
    ping: () => Promise.reject(reason),
    rawTransaction: () => Promise.reject(reason),
    async close() {},
  };
}
