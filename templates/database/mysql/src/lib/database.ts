import { sql } from 'drizzle-orm';
import type { MySqlDatabase } from 'drizzle-orm/mysql-core';
import { drizzle, type MySql2PreparedQueryHKT, type MySql2QueryResultHKT } from 'drizzle-orm/mysql2';
import mysql, { type PoolConnection, type RowDataPacket } from 'mysql2/promise';
import { ConfigError, type Env } from '../config/env.js';
import * as schema from '../db/schema.js';

/**
 * The one place that knows which MySQL/MariaDB we talk to: a mysql2 connection pool on DATABASE_URL.
 * There is no embedded MySQL, so DATABASE_URL is required: without it nothing starts (see requireDatabaseUrl).
 * Every connection works in UTC and utf8mb4, whatever the server's defaults are.
 */

export type Db = MySqlDatabase<MySql2QueryResultHKT, MySql2PreparedQueryHKT, typeof schema>;

export type Row = Record<string, unknown>;

/** Plain SQL on one connection; `?` placeholders. */
export interface SqlSession {
  /** Runs ONE statement (mysql2 does not accept several in one call, on purpose); no parameters. */
  exec(statement: string): Promise<void>;
  query(text: string, params?: unknown[]): Promise<Row[]>;
}

/** Kept for symmetry with the other dialects: a session inside BEGIN … COMMIT. */
export type SqlTransaction = SqlSession;

export interface Database {
  readonly kind: 'mysql';
  readonly db: Db;
  ping(): Promise<void>;
  /** BEGIN … COMMIT around `work`, ROLLBACK if it throws. MySQL commits DDL at once, even inside one. */
  rawTransaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  /**
   * One pooled connection for the duration of `work`, in autocommit mode: what the migrator needs, as
   * GET_LOCK and session variables belong to a connection.
   */
  withConnection<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseEnv = Pick<Env, 'DATABASE_URL' | 'DATABASE_POOL_MAX'>;

export interface DatabaseOptions {
  /** Told about connection errors on idle pooled connections (the pool drops them and opens new ones). */
  onPoolError?: (error: Error) => void;
}

/** The collation of every table and connection: case-insensitive, and (unlike utf8mb4_unicode_ci) emoji-aware. */
export const COLLATION = 'utf8mb4_unicode_520_ci';

/**
 * DATABASE_URL, or a ConfigError naming it and saying how to get a server. The env schema lets it be empty
 * so that configuration checks unrelated to the database hold without one; every use goes through here.
 */
export function requireDatabaseUrl(env: Pick<Env, 'DATABASE_URL'>): string {
  if (env.DATABASE_URL !== undefined) return env.DATABASE_URL;
  throw new ConfigError([
    {
      variable: 'DATABASE_URL',
      message:
        'required: the mysql:// (or mariadb://) URL of a MySQL or MariaDB server (there is no embedded MySQL), ' +
        'e.g. mysql://app:app@localhost:3306/app, which `docker compose up -d mariadb` provides',
    },
  ]);
}

export async function createDatabase(env: DatabaseEnv, options: DatabaseOptions = {}): Promise<Database> {
  return createMysqlDatabase(requireDatabaseUrl(env), env.DATABASE_POOL_MAX, options);
}

function session(connection: PoolConnection): SqlSession {
  return {
    exec: async (statement) => {
      await connection.query(statement);
    },
    query: async (text, params) => {
      const [rows] = await connection.query<RowDataPacket[]>(text, params);
      // DDL and DML answer with a result header instead of rows.
      return Array.isArray(rows) ? rows : [];
    },
  };
}

async function createMysqlDatabase(url: string, max: number, options: DatabaseOptions): Promise<Database> {
  const pool = mysql.createPool({
    uri: url,
    connectionLimit: max,
    maxIdle: max,
    // Fail fast instead of hanging when the server is unreachable; readiness reports it.
    connectTimeout: 5000,
    enableKeepAlive: true,
    // Dates cross the wire as UTC; DATETIME(3) columns hold UTC (see the session time_zone below).
    timezone: 'Z',
    dateStrings: false,
    charset: COLLATION.toUpperCase(),
    supportBigNumbers: true,
    bigNumberStrings: false,
  });
  // Runs before the connection is handed out (mysql2 queues commands in order), so CURRENT_TIMESTAMP(3)
  // defaults are UTC like the values the application writes. A listener also keeps a connection's
  // 'error' (server gone while idle) from crashing the process.
  pool.pool.on('connection', (connection) => {
    connection.on('error', (error: Error) => options.onPoolError?.(error));
    connection.query(`SET time_zone = '+00:00', NAMES utf8mb4 COLLATE ${COLLATION}`, (error: Error | null) => {
      if (!error) return;
      // A connection in the server's own time zone would silently shift timestamps: it must not be used.
      options.onPoolError?.(error);
      connection.destroy();
    });
  });
  const db: Db = drizzle({ client: pool, schema, mode: 'default' });
  let closed = false;

  async function withConnection<T>(work: (s: SqlSession) => Promise<T>): Promise<T> {
    const connection = await pool.getConnection();
    try {
      return await work(session(connection));
    } finally {
      connection.release();
    }
  }

  return {
    kind: 'mysql',
    db,
    async ping() {
      await db.execute(sql`select 1`);
    },
    rawTransaction: (work) =>
      withConnection(async (s) => {
        await s.exec('BEGIN');
        try {
          const result = await work(s);
          await s.exec('COMMIT');
          return result;
        } catch (error) {
          await s.exec('ROLLBACK').catch(() => {});
          throw error;
        }
      }),
    withConnection,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
