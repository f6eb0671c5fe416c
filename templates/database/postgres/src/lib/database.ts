import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Env } from '../config/env.js';
import * as schema from '../db/schema.js';

/**
 * The one place that knows which PostgreSQL we talk to: an embedded PGlite when DATABASE_URL is
 * unset (dev and tests need no server), a pg connection pool otherwise. Both speak the same SQL.
 */

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Row = Record<string, unknown>;

/** Plain SQL inside one transaction; used by the migrator to run .sql files verbatim. */
export interface SqlTransaction {
  /** Runs a script that may hold several statements; no parameters. */
  exec(script: string): Promise<void>;
  query(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  ping(): Promise<void>;
  /** BEGIN … COMMIT around `work`, ROLLBACK if it throws. */
  rawTransaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseEnv = Pick<Env, 'DATABASE_URL' | 'DATABASE_POOL_MAX' | 'PGLITE_DIR'>;

export interface DatabaseOptions {
  /** Schema to resolve unqualified names in; tests isolate each file in its own schema this way. */
  searchPath?: string;
  /** Told about connection errors on idle pooled clients (the pool replaces them by itself). */
  onPoolError?: (error: Error) => void;
}

export async function createDatabase(env: DatabaseEnv, options: DatabaseOptions = {}): Promise<Database> {
  return env.DATABASE_URL === undefined
    ? createPgliteDatabase(env.PGLITE_DIR)
    : createPostgresDatabase(env.DATABASE_URL, env.DATABASE_POOL_MAX, options);
}

async function createPgliteDatabase(dir: string): Promise<Database> {
  // 'memory://' keeps everything in RAM (tests); anything else is a directory on disk.
  if (!dir.startsWith('memory://')) await mkdir(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db: Db = drizzlePglite({ client, schema });

  return {
    kind: 'pglite',
    db,
    async ping() {
      await db.execute(sql`select 1`);
    },
    rawTransaction: (work) =>
      client.transaction((tx) =>
        work({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async (text, params) => (await tx.query<Row>(text, params)).rows,
        }),
      ),
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

async function createPostgresDatabase(url: string, max: number, options: DatabaseOptions): Promise<Database> {
  const { searchPath, onPoolError } = options;
  if (searchPath !== undefined && !/^[a-z_][a-z0-9_]*$/.test(searchPath)) {
    throw new Error(`Invalid schema name for search_path: ${searchPath}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Fail fast instead of queueing forever when the server is unreachable; readiness reports it.
    connectionTimeoutMillis: 5000,
    ...(searchPath === undefined ? {} : { options: `-c search_path=${searchPath}` }),
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled it would crash the process.
  pool.on('error', (error) => onPoolError?.(error));
  const db: Db = drizzlePg({ client: pool, schema });
  let closed = false;

  return {
    kind: 'postgres',
    db,
    async ping() {
      await db.execute(sql`select 1`);
    },
    async rawTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          exec: async (script) => {
            await client.query(script);
          },
          query: async (text, params) => (await client.query<Row>(text, params)).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
