import { readdir } from 'node:fs/promises';
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../src/lib/database.js';

/**
 * One shape for the schema as the migrations built it (read from pg_catalog) and as the Drizzle
 * declarations describe it, so a test can compare the two. Names of indexes, unique and check
 * constraints are compared; foreign keys by their columns and target (Drizzle and PostgreSQL name
 * them differently); column types in PostgreSQL's own spelling.
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

/** Drizzle's SQL type names in PostgreSQL's format_type() spelling. */
function pgSpelling(drizzleType: string): string {
  return drizzleType
    .replace(/ \(/g, '(')
    .replace(/^varchar/, 'character varying')
    .replace(/^timestamp(\(\d+\))?$/, 'timestamp$1 without time zone');
}

export async function databaseShape(database: Database): Promise<SchemaShape> {
  const [columns, indexes, constraints] = await database.rawTransaction(async (tx) => [
    await tx.query(
      `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
    ),
    await tx.query(
      `SELECT t.relname AS table, i.relname AS name, x.indisunique AS is_unique
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relnamespace = current_schema()::regnamespace AND NOT x.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
    ),
    await tx.query(
      `SELECT t.relname AS table, k.conname AS name, k.contype AS kind, f.relname AS target,
              (SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a
                WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)) AS columns
         FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid LEFT JOIN pg_class f ON f.oid = k.confrelid
        WHERE k.connamespace = current_schema()::regnamespace AND k.contype IN ('u', 'c', 'f')`,
    ),
  ]);
  const shape: SchemaShape = {};
  const table = (name: unknown) => (shape[String(name)] ??= emptyTable());
  for (const r of columns) table(r.table).columns[String(r.column)] = column(String(r.type), r.not_null === true);
  for (const r of indexes) table(r.table).named[String(r.name)] = r.is_unique === true ? 'unique' : 'index';
  for (const r of constraints) {
    if (r.kind === 'f') table(r.table).foreignKeys.push(`${String(r.columns)} -> ${String(r.target)}`);
    else table(r.table).named[String(r.name)] = r.kind === 'u' ? 'unique' : 'check';
  }
  return normalise(shape);
}

/**
 * Every object the migrations may create in the application's schema (tables, views, sequences,
 * functions, types of their own), as "kind name": what a full rollback must leave empty.
 */
export async function schemaObjects(database: Database): Promise<string[]> {
  const rows = await database.rawTransaction((tx) =>
    tx.query(
      `SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'view' WHEN 'S' THEN 'sequence' END AS kind, c.relname AS name
         FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'm', 'S')
       UNION ALL
       SELECT 'function', p.proname FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
       UNION ALL
       SELECT 'type', t.typname FROM pg_type t
        WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('e', 'd', 'r')`,
    ),
  );
  return rows.map((r) => `${String(r.kind)} ${String(r.name)}`).sort();
}

/** Every table declared in src/db/*schema.ts; a table declared in parts (auth columns of users) is merged. */
export async function drizzleShape(): Promise<SchemaShape> {
  const dir = new URL('../../src/db/', import.meta.url);
  const files = (await readdir(dir)).filter((file) => file.endsWith('schema.ts'));
  const shape: SchemaShape = {};
  for (const file of files) {
    const module: Record<string, unknown> = await import(new URL(file, dir).href);
    for (const value of Object.values(module)) {
      if (!is(value, PgTable)) continue;
      const config = getTableConfig(value);
      const table = (shape[getTableName(value)] ??= emptyTable());
      for (const c of config.columns) {
        table.columns[c.name] = column(pgSpelling(c.getSQLType()), c.notNull);
        if (c.isUnique && c.uniqueName !== undefined) table.named[c.uniqueName] = 'unique';
      }
      for (const i of config.indexes) if (i.config.name !== undefined) table.named[i.config.name] = i.config.unique ? 'unique' : 'index';
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
