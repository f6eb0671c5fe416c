import { BASE_COLUMNS, columnTraits, type Dialect } from './dialects.js';
import type { FieldType } from './field-types.js';

/**
 * The table of a resource as each database's migration and Drizzle schema spell it: column lines,
 * CHECK constraints (SQLite) and indexes. Index names are the same on every database.
 */

interface ColumnSpec {
  name: string;
  column: string;
  type: FieldType;
  optional: boolean;
  sortable: boolean;
  filter: string | null;
}

export interface IndexView {
  name: string;
  sqlColumns: string;
  drizzleColumns: string;
}

export interface CheckView {
  name: string;
  /** The expression in the migration, and in the Drizzle schema (`${t.title}` for the column). */
  sql: string;
  drizzle: string;
}

/**
 * The lines inside CREATE TABLE: `  title      varchar(255)   NOT NULL,` aligned like the hand-written
 * users migration, then the table constraints: SQLite's CHECKs; MySQL's primary key and indexes (one
 * statement: MySQL commits every DDL statement on its own, so a migration of one cannot half-apply).
 */
export function sqlColumns(dialect: Dialect, fields: readonly ColumnSpec[], checks: readonly CheckView[], tableIndexes: readonly IndexView[]): string[] {
  const base = BASE_COLUMNS[dialect];
  const types = columnTraits[dialect];
  const rows: [string, string, string][] = [
    ['id', ...base.id],
    ...fields.map((f): [string, string, string] => {
      const { sql, attributes } = types[f.type];
      return [f.column, sql, [attributes, f.optional ? '' : 'NOT NULL'].filter(Boolean).join(' ')];
    }),
    ['created_at', ...base.timestamp],
    ['updated_at', ...base.timestamp],
  ];
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const typeWidth = Math.max(...rows.map(([, type]) => type.length));
  const lines = rows.map(([name, type, rest]) => (rest ? `${name.padEnd(nameWidth)} ${type.padEnd(typeWidth)} ${rest}` : `${name.padEnd(nameWidth)} ${type}`));
  const checkWidth = Math.max(0, ...checks.map((c) => c.name.length));
  lines.push(...checks.map((c) => `CONSTRAINT ${c.name.padEnd(checkWidth)} CHECK (${c.sql})`));
  if (dialect === 'mysql') {
    const indexWidth = Math.max(...tableIndexes.map((index) => index.name.length));
    lines.push('PRIMARY KEY (id)', ...tableIndexes.map((index) => `INDEX ${index.name.padEnd(indexWidth)} (${index.sqlColumns})`));
  }
  return lines.map((line, i) => `  ${line}${i < lines.length - 1 ? ',' : ''}`);
}

/** SQLite: the CHECKs that stand in for PostgreSQL's typed columns, named `<table>_<column>_check`. */
export function checks(dialect: Dialect, table: string, fields: readonly ColumnSpec[]): CheckView[] {
  return fields.flatMap((field) => {
    const check = columnTraits[dialect][field.type].check;
    if (check === null) return [];
    return [{ name: `${table}_${field.column}_check`, sql: check.replaceAll('%COLUMN%', field.column), drizzle: check.replaceAll('%COLUMN%', `\${t.${field.name}}`) }];
  });
}

/** Sortable keys get (column, id): the keyset order, and equality filters on the column. Other filters get (column). */
export function indexes(table: string, fields: readonly ColumnSpec[]): IndexView[] {
  const sorted = (column: string, property: string): IndexView => ({
    name: `${table}_${column}_id_idx`,
    sqlColumns: `${column}, id`,
    drizzleColumns: `t.${property}, t.id`,
  });
  const list = [sorted('created_at', 'createdAt'), sorted('updated_at', 'updatedAt')];
  for (const field of fields) {
    if (field.sortable) list.push(sorted(field.column, field.name));
    else if (field.filter !== null) list.push({ name: `${table}_${field.column}_idx`, sqlColumns: field.column, drizzleColumns: `t.${field.name}` });
  }
  return list;
}

/** The builders the Drizzle schema imports from the dialect's core module, sorted. */
export function drizzleImports(dialect: Dialect, fields: readonly ColumnSpec[], hasChecks: boolean): string {
  const base: Record<Dialect, string[]> = {
    postgres: ['index', 'pgTable', 'timestamp', 'uuid'],
    sqlite: ['index', 'integer', 'sqliteTable', 'text'],
    mysql: ['char', 'datetime', 'index', 'mysqlTable'],
  };
  const builders = new Set([...base[dialect], ...(hasChecks ? ['check'] : []), ...fields.map((f) => columnTraits[dialect][f.type].drizzleImport)]);
  return [...builders].sort().join(', ');
}
