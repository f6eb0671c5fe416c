import { readdir } from 'node:fs/promises';
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database, Row, SqlTransaction } from '../../src/lib/database.js';

/**
 * One shape for the schema as the migrations built it (read from sqlite_schema and the table pragmas)
 * and as the Drizzle declarations describe it, so a test can compare the two. Names of indexes, unique
 * and check constraints are compared (SQLite keeps a constraint's name only in the CREATE TABLE text,
 * so those are read from there); foreign keys by their columns and target; column types as declared.
 */
export interface TableShape {
  /** column → "type" or "type not null" */
  columns: Record<string, string>;
  /** index or constraint name → "index" | "unique" | "check" */
  named: Record<string, string>;
  /** "col1,col2 -> table" */
  foreignKeys: string[];
}

export type SchemaShape = Record<string, TableShape>;

function emptyTable(): TableShape {
  return { columns: {}, named: {}, foreignKeys: [] };
}

function column(type: string, notNull: boolean): string {
  return notNull ? `${type} not null` : type;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

// `CONSTRAINT name CHECK (…)` or `CONSTRAINT name UNIQUE (…)`, in a table or a column definition.
const NAMED_CONSTRAINT = /\bCONSTRAINT\s+("?)(\w+)\1\s+(CHECK|UNIQUE)\b/gi;

function tableShape(tx: SqlTransaction, name: string, createSql: string): TableShape {
  const shape = emptyTable();
  for (const c of tx.query(`PRAGMA table_info(${quoted(name)})`)) {
    shape.columns[String(c.name)] = column(String(c.type).toLowerCase(), c.notnull === 1 || Number(c.pk) > 0);
  }
  let unnamedUniques = 0;
  for (const i of tx.query(`PRAGMA index_list(${quoted(name)})`)) {
    // origin c: CREATE INDEX; u: a UNIQUE constraint (named in the CREATE TABLE text); pk: the primary key.
    if (i.origin === 'c') shape.named[String(i.name)] = i.unique === 1 ? 'unique' : 'index';
    else if (i.origin === 'u') unnamedUniques += 1;
  }
  for (const [, , constraint, kind] of createSql.matchAll(NAMED_CONSTRAINT)) {
    if (constraint === undefined || kind === undefined) continue;
    shape.named[constraint] = kind.toLowerCase();
    if (kind.toUpperCase() === 'UNIQUE') unnamedUniques -= 1;
  }
  if (unnamedUniques > 0) shape.named['(unnamed unique)'] = 'unique';
  const byId = new Map<number, Row[]>();
  for (const fk of tx.query(`PRAGMA foreign_key_list(${quoted(name)})`)) {
    byId.set(Number(fk.id), [...(byId.get(Number(fk.id)) ?? []), fk]);
  }
  for (const parts of byId.values()) {
    const ordered = parts.sort((a, b) => Number(a.seq) - Number(b.seq));
    shape.foreignKeys.push(`${ordered.map((p) => String(p.from)).join(',')} -> ${String(ordered[0]?.table)}`);
  }
  return shape;
}

export async function databaseShape(database: Database): Promise<SchemaShape> {
  return normalise(
    await database.rawTransaction((tx) => {
      const shape: SchemaShape = {};
      const tables = tx.query(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`);
      for (const t of tables) shape[String(t.name)] = tableShape(tx, String(t.name), String(t.sql));
      return shape;
    }),
  );
}

/**
 * Every object the migrations may create (tables, indexes, views, triggers), as "kind name": what a full
 * rollback must leave empty. Indexes SQLite makes for a table's own constraints (sqlite_autoindex_*) go
 * with their table.
 */
export async function schemaObjects(database: Database): Promise<string[]> {
  const rows = await database.rawTransaction((tx) =>
    tx.query(`SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`),
  );
  return rows.map((r) => `${String(r.type)} ${String(r.name)}`).sort();
}

/** Tables that are not STRICT (the migrations make every table STRICT, so SQLite checks value types). */
export async function nonStrictTables(database: Database): Promise<string[]> {
  const rows = await database.rawTransaction((tx) =>
    tx.query(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`),
  );
  return rows.map((r) => String(r.name)).sort();
}

/** Every table declared in src/db/*schema.ts; a table declared in parts (auth columns of users) is merged. */
export async function drizzleShape(): Promise<SchemaShape> {
  const dir = new URL('../../src/db/', import.meta.url);
  const files = (await readdir(dir)).filter((file) => file.endsWith('schema.ts'));
  const shape: SchemaShape = {};
  for (const file of files) {
    const module: Record<string, unknown> = await import(new URL(file, dir).href);
    for (const value of Object.values(module)) {
      if (!is(value, SQLiteTable)) continue;
      const config = getTableConfig(value);
      const table = (shape[getTableName(value)] ??= emptyTable());
      for (const c of config.columns) {
        table.columns[c.name] = column(c.getSQLType(), c.notNull);
        if (c.isUnique && c.uniqueName !== undefined) table.named[c.uniqueName] = 'unique';
      }
      for (const i of config.indexes) table.named[i.config.name] = i.config.unique ? 'unique' : 'index';
      for (const u of config.uniqueConstraints) table.named[u.getName() ?? '(unnamed unique)'] = 'unique';
      for (const k of config.checks) table.named[k.name] = 'check';
      for (const fk of config.foreignKeys) {
        const ref = fk.reference();
        table.foreignKeys.push(`${ref.columns.map((col) => col.name).join(',')} -> ${getTableName(ref.foreignTable)}`);
      }
    }
  }
  return normalise(shape);
}

function normalise(shape: SchemaShape): SchemaShape {
  for (const table of Object.values(shape)) table.foreignKeys = [...new Set(table.foreignKeys)].sort();
  return shape;
}
