import type { StackOptions } from '../core/options.js';
import { fieldTypeTraits, type FieldType } from './field-types.js';

/**
 * How each field type is stored by each database the project may use: the SQL type, the Drizzle
 * column (builder imported from the dialect's `drizzle-orm/*-core`) and, on SQLite, the CHECK that
 * holds what PostgreSQL's column type would have held (SQLite's STRICT tables only know
 * integer/real/text, so a length, a range, a date or a boolean needs a CHECK).
 */

export type Dialect = StackOptions['database'];

export interface ColumnTraits {
  sql: string;
  drizzleImport: string;
  /** The column call; `%COLUMN%` is the column name. */
  drizzleColumn: string;
  /** A CHECK expression (`%COLUMN%` = the column), or null when the type alone is enough. */
  check: string | null;
  /** Written after the type, before NOT NULL: a character set and collation. */
  attributes?: string;
}

const postgres = Object.fromEntries(
  Object.entries(fieldTypeTraits).map(([type, t]) => [type, { sql: t.sql, drizzleImport: t.drizzleImport, drizzleColumn: t.drizzleColumn, check: null }]),
) as Record<FieldType, ColumnTraits>;

const sqlite: Record<FieldType, ColumnTraits> = {
  string: { sql: 'text', drizzleImport: 'text', drizzleColumn: "text('%COLUMN%')", check: 'length(%COLUMN%) <= 255' },
  text: { sql: 'text', drizzleImport: 'text', drizzleColumn: "text('%COLUMN%')", check: null },
  number: { sql: 'real', drizzleImport: 'real', drizzleColumn: "real('%COLUMN%')", check: null },
  // PostgreSQL's integer is 32 bits; SQLite's would take 64.
  integer: { sql: 'integer', drizzleImport: 'integer', drizzleColumn: "integer('%COLUMN%')", check: '%COLUMN% BETWEEN -2147483648 AND 2147483647' },
  boolean: { sql: 'integer', drizzleImport: 'integer', drizzleColumn: "integer('%COLUMN%', { mode: 'boolean' })", check: '%COLUMN% IN (0, 1)' },
  // date() normalises what it can read and is NULL for what it cannot: only a real YYYY-MM-DD equals its own date().
  date: { sql: 'text', drizzleImport: 'text', drizzleColumn: "text('%COLUMN%')", check: 'date(%COLUMN%) IS %COLUMN%' },
  datetime: { sql: 'integer', drizzleImport: 'integer', drizzleColumn: "at('%COLUMN%')", check: null },
  // The repository writes UUIDs in lower case, the form PostgreSQL's uuid type returns.
  uuid: { sql: 'text', drizzleImport: 'text', drizzleColumn: "text('%COLUMN%')", check: 'length(%COLUMN%) = 36 AND %COLUMN% = lower(%COLUMN%)' },
};

const ASCII = 'CHARACTER SET ascii COLLATE ascii_bin';

/** Text keeps the table's collation (utf8mb4_unicode_520_ci, case- and accent-insensitive), like users.name. */
const mysql: Record<FieldType, ColumnTraits> = {
  string: { sql: 'varchar(255)', drizzleImport: 'varchar', drizzleColumn: "varchar('%COLUMN%', { length: 255 })", check: null },
  // TEXT holds 65,535 bytes, less than 100,000 four-byte characters: MEDIUMTEXT holds 16 MB.
  text: { sql: 'mediumtext', drizzleImport: 'mediumtext', drizzleColumn: "mediumtext('%COLUMN%')", check: null },
  number: { sql: 'double', drizzleImport: 'double', drizzleColumn: "double('%COLUMN%')", check: null },
  integer: { sql: 'int', drizzleImport: 'int', drizzleColumn: "int('%COLUMN%')", check: null },
  boolean: { sql: 'boolean', drizzleImport: 'boolean', drizzleColumn: "boolean('%COLUMN%')", check: null },
  date: { sql: 'date', drizzleImport: 'date', drizzleColumn: "date('%COLUMN%', { mode: 'string' })", check: null },
  datetime: { sql: 'datetime(3)', drizzleImport: 'datetime', drizzleColumn: "at('%COLUMN%')", check: null },
  // ASCII compared byte for byte, like the users table's ids: the repository writes them in lower case.
  uuid: { sql: 'char(36)', drizzleImport: 'char', drizzleColumn: "char('%COLUMN%', { length: 36 })", check: null, attributes: ASCII },
};

export const columnTraits: Readonly<Record<Dialect, Readonly<Record<FieldType, ColumnTraits>>>> = { postgres, sqlite, mysql };

/** The columns every resource has besides its fields, as [name, type, rest of the definition]. */
export const BASE_COLUMNS: Readonly<Record<Dialect, { id: [string, string]; timestamp: [string, string] }>> = {
  postgres: { id: ['uuid', 'PRIMARY KEY DEFAULT gen_random_uuid()'], timestamp: ['timestamptz(3)', 'NOT NULL DEFAULT now()'] },
  // The application generates ids (crypto.randomUUID) and writes every timestamp, in Unix milliseconds.
  sqlite: { id: ['text', 'PRIMARY KEY NOT NULL'], timestamp: ['integer', 'NOT NULL'] },
  // The application generates ids; timestamps are the server's clock (every connection is in UTC).
  mysql: { id: ['char(36)', `${ASCII} NOT NULL`], timestamp: ['datetime(3)', 'NOT NULL DEFAULT CURRENT_TIMESTAMP(3)'] },
};

/** The database's name in messages. */
export const DIALECT_NAME: Readonly<Record<Dialect, string>> = { postgres: 'PostgreSQL', sqlite: 'SQLite', mysql: 'MySQL' };

/** Identifier limits: PostgreSQL cuts names at 63 bytes (so two index names could collide silently), MySQL refuses more than 64, SQLite has none. */
export const MAX_IDENTIFIER: Readonly<Record<Dialect, number>> = { postgres: 63, sqlite: Number.POSITIVE_INFINITY, mysql: 64 };
