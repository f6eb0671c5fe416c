import { readdir } from 'node:fs/promises';
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, MySqlTable } from 'drizzle-orm/mysql-core';
import type { Database, Row } from '../../src/lib/database.js';

/**
 * One shape for the schema as the migrations built it (read from information_schema) and as the Drizzle
 * declarations describe it, so a test can compare the two. Names of indexes, unique and check constraints
 * are compared; foreign keys by their columns and target; column types in Drizzle's spelling. Character
 * sets and collations are not in the Drizzle declarations: migrations.test.ts checks those on its own.
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

/** information_schema's COLUMN_TYPE in Drizzle's spelling: no integer display widths, booleans by name. */
function drizzleSpelling(columnType: string): string {
  if (columnType === 'tinyint(1)') return 'boolean';
  return columnType.replace(/^(tinyint|smallint|mediumint|int|bigint)\(\d+\)/, '$1');
}

const onConnection = <T>(database: Database, work: (query: (text: string) => Promise<Row[]>) => Promise<T>) =>
  database.withConnection((s) => work((text) => s.query(text)));

export async function databaseShape(database: Database): Promise<SchemaShape> {
  const [columns, indexes, checks, foreignKeys] = await onConnection(database, async (query) => [
    await query(
      `SELECT table_name AS tbl, column_name AS col, column_type AS type, is_nullable AS nullable
         FROM information_schema.columns WHERE table_schema = DATABASE()`,
    ),
    await query(
      `SELECT table_name AS tbl, index_name AS name, MIN(non_unique) AS non_unique
         FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name <> 'PRIMARY'
        GROUP BY table_name, index_name`,
    ),
    await query(
      `SELECT table_name AS tbl, constraint_name AS name, check_clause AS clause
         FROM information_schema.check_constraints WHERE constraint_schema = DATABASE()`,
    ),
    await query(
      `SELECT table_name AS tbl, GROUP_CONCAT(column_name ORDER BY ordinal_position) AS cols, referenced_table_name AS target
         FROM information_schema.key_column_usage WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL
        GROUP BY table_name, constraint_name, referenced_table_name`,
    ),
  ]);
  const shape: SchemaShape = {};
  const table = (name: unknown) => (shape[String(name)] ??= emptyTable());
  for (const r of columns) table(r.tbl).columns[String(r.col)] = column(drizzleSpelling(String(r.type)), r.nullable === 'NO');
  for (const r of indexes) table(r.tbl).named[String(r.name)] = Number(r.non_unique) === 0 ? 'unique' : 'index';
  for (const r of checks) {
    const t = table(r.tbl);
    // MariaDB's JSON is LONGTEXT plus a CHECK (json_valid(col)) named after the column: Drizzle's json.
    if (String(r.clause) === `json_valid(\`${String(r.name)}\`)` && t.columns[String(r.name)]?.startsWith('longtext')) {
      t.columns[String(r.name)] = String(t.columns[String(r.name)]).replace(/^longtext/, 'json');
      continue;
    }
    t.named[String(r.name)] = 'check';
  }
  for (const r of foreignKeys) table(r.tbl).foreignKeys.push(`${String(r.cols)} -> ${String(r.target)}`);
  return normalise(shape);
}

/**
 * Every object the migrations may create in the application's database (tables, views, sequences,
 * routines, triggers, events), as "kind name": what a full rollback must leave empty.
 */
export async function schemaObjects(database: Database): Promise<string[]> {
  const lists = await onConnection(database, async (query) => [
    await query(`SELECT LOWER(table_type) AS kind, table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()`),
    await query(`SELECT LOWER(routine_type) AS kind, routine_name AS name FROM information_schema.routines WHERE routine_schema = DATABASE()`),
    await query(`SELECT 'trigger' AS kind, trigger_name AS name FROM information_schema.triggers WHERE trigger_schema = DATABASE()`),
    await query(`SELECT 'event' AS kind, event_name AS name FROM information_schema.events WHERE event_schema = DATABASE()`),
  ]);
  return lists
    .flat()
    .map((r) => `${String(r.kind).replace('base table', 'table')} ${String(r.name)}`)
    .sort();
}

/** Every table declared in src/db/*schema.ts; a table declared in parts (auth columns of users) is merged. */
export async function drizzleShape(): Promise<SchemaShape> {
  const dir = new URL('../../src/db/', import.meta.url);
  const files = (await readdir(dir)).filter((file) => file.endsWith('schema.ts'));
  const shape: SchemaShape = {};
  for (const file of files) {
    const module: Record<string, unknown> = await import(new URL(file, dir).href);
    for (const value of Object.values(module)) {
      if (!is(value, MySqlTable)) continue;
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
