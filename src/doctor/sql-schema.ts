import { balanced, blankComments, lineAt, splitTopLevel, type Piece } from './sql-split.js';

/**
 * The tables, keys and indexes that the migrations' up.sql files leave behind, replayed in order
 * (CREATE/ALTER/DROP TABLE, CREATE/DROP INDEX). Enough of the DDL of PostgreSQL, SQLite and MySQL
 * (backquoted names, `KEY`/`INDEX` inside CREATE TABLE) for the index checks; what it does not understand
 * (functions, views, data changes) it skips.
 */

export interface KeyOrIndex {
  kind: 'primary key' | 'unique' | 'index';
  name: string;
  /** Leading first; an expression (`lower(email)`) is kept as `(expression)` and matches no column. */
  columns: string[];
  /** `CREATE INDEX … WHERE …`: only serves rows matching the predicate. */
  partial: boolean;
}

export interface ForeignKey {
  name: string;
  columns: string[];
  references: string;
  /** `migrations/0002_auth/up.sql:13` */
  where: string;
}

export interface Table {
  name: string;
  columns: Set<string>;
  keys: KeyOrIndex[];
  foreignKeys: ForeignKey[];
}

export type SqlSchema = Map<string, Table>;

// "double-quoted" (standard), `backquoted` (MySQL) or bare, optionally schema-qualified.
const PART = '(?:"[^"]+"|`[^`]+`|[A-Za-z_][\\w$]*)';
const NAME = `${PART}(?:\\.${PART})?`;

/** `public."Users"` → `Users`; unquoted names fold to lower case, as PostgreSQL does. */
export function identifier(raw: string): string {
  const last = raw.trim().match(/(?:"[^"]+"|`[^`]+`|[^."`]+)$/)?.[0] ?? raw.trim();
  return last.startsWith('"') || last.startsWith('`') ? last.slice(1, -1) : last.toLowerCase();
}

function columnList(text: string): string[] {
  return splitTopLevel(text, ',').map((piece) => identifier(piece.text));
}

interface Source {
  path: string;
  text: string;
}

export function parseMigrations(sources: readonly Source[]): SqlSchema {
  const schema: SqlSchema = new Map();
  for (const source of sources) {
    const text = blankComments(source.text);
    for (const statement of splitTopLevel(text, ';')) {
      applyStatement(schema, statement, (offset) => `${source.path}:${lineAt(text, offset)}`);
    }
  }
  return schema;
}

type Locate = (offset: number) => string;

function table(schema: SqlSchema, name: string): Table {
  let found = schema.get(name);
  if (!found) {
    found = { name, columns: new Set(), keys: [], foreignKeys: [] };
    schema.set(name, found);
  }
  return found;
}

function applyStatement(schema: SqlSchema, { text, offset }: Piece, locate: Locate): void {
  const create = new RegExp(String.raw`^CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${NAME})\s*\(`, 'i').exec(text);
  if (create?.[1]) {
    const body = balanced(text, create[0].length - 1);
    if (!body) return;
    const target = table(schema, identifier(create[1]));
    for (const item of splitTopLevel(body.inner, ',', offset + body.innerOffset)) applyTableItem(target, item, locate);
    return;
  }
  const alter = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${NAME})\s+`, 'is').exec(text);
  if (alter?.[1]) {
    const target = table(schema, identifier(alter[1]));
    for (const action of splitTopLevel(text.slice(alter[0].length), ',', offset + alter[0].length)) applyAlter(schema, target, action, locate);
    return;
  }
  const index = new RegExp(String.raw`^CREATE\s+(UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:(${NAME})\s+)?ON\s+(?:ONLY\s+)?(${NAME})\s*(?:USING\s+\w+\s*)?\(`, 'i').exec(text);
  if (index?.[3]) {
    const body = balanced(text, index[0].length - 1);
    if (!body) return;
    const tableName = identifier(index[3]);
    const columns = splitTopLevel(body.inner, ',').map((piece) => indexElement(piece.text));
    table(schema, tableName).keys.push({
      kind: index[1] ? 'unique' : 'index',
      name: index[2] ? identifier(index[2]) : `${tableName}_${columns.join('_')}_idx`,
      columns,
      partial: /\bWHERE\b/i.test(text.slice(body.end)),
    });
    return;
  }
  const drop = /^DROP\s+(TABLE|INDEX)\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?(.*?)(?:\s+(?:CASCADE|RESTRICT))?\s*$/is.exec(text);
  if (drop?.[1] && drop[2]) {
    for (const name of columnList(drop[2])) {
      if (drop[1].toUpperCase() === 'TABLE') schema.delete(name);
      else for (const t of schema.values()) t.keys = t.keys.filter((key) => key.name !== name);
    }
  }
}

/** `created_at DESC NULLS LAST` → `created_at`; `lower(email)` → `(lower(email))`. */
function indexElement(text: string): string {
  const match = new RegExp(String.raw`^(${NAME})((?:\s+(?:COLLATE\s+\S+|ASC|DESC|NULLS\s+(?:FIRST|LAST)|[a-z_][\w.]*_ops))*)\s*$`, 'i').exec(text);
  return match?.[1] ? identifier(match[1]) : `(${text})`;
}

/** A table-level constraint (`PRIMARY KEY (…)`, `UNIQUE (…)`, `FOREIGN KEY (…) REFERENCES …`); false if `text` is none. */
function applyTableConstraint(target: Table, name: string | undefined, { text, offset }: Piece, locate: Locate): boolean {
  const primary = /^PRIMARY\s+KEY\s*\(([^)]*)\)/i.exec(text);
  if (primary?.[1] !== undefined) {
    target.keys.push({ kind: 'primary key', name: name ?? `${target.name}_pkey`, columns: columnList(primary[1]), partial: false });
    return true;
  }
  const unique = /^UNIQUE\s*(?:NULLS\s+(?:NOT\s+)?DISTINCT\s*)?\(([^)]*)\)/i.exec(text);
  if (unique?.[1] !== undefined) {
    const columns = columnList(unique[1]);
    target.keys.push({ kind: 'unique', name: name ?? `${target.name}_${columns.join('_')}_key`, columns, partial: false });
    return true;
  }
  // MySQL declares indexes inside CREATE TABLE: `KEY name (…)`, `UNIQUE KEY name (…)`, `INDEX name (…)`.
  const inline = new RegExp(String.raw`^(UNIQUE\s+)?(?:KEY|INDEX)\s+(?:(${NAME})\s*)?\((.*)\)\s*(?:USING\s+\w+\s*)?$`, 'is').exec(text);
  if (inline?.[3] !== undefined) {
    // `email`(16) indexes a prefix of the column; ASC/DESC does not change what it leads with.
    const columns = splitTopLevel(inline[3], ',').map((piece) => identifier(piece.text.replace(/\s*\(\d+\)\s*(?:ASC|DESC)?\s*$/i, '')));
    const kind = inline[1] ? 'unique' : 'index';
    target.keys.push({ kind, name: inline[2] ? identifier(inline[2]) : `${target.name}_${columns.join('_')}_idx`, columns, partial: false });
    return true;
  }
  const foreign = new RegExp(String.raw`^FOREIGN\s+KEY\s*\(([^)]*)\)\s*REFERENCES\s+(${NAME})`, 'i').exec(text);
  if (foreign?.[1] !== undefined && foreign[2]) {
    const columns = columnList(foreign[1]);
    target.foreignKeys.push({ name: name ?? `${target.name}_${columns.join('_')}_fkey`, columns, references: identifier(foreign[2]), where: locate(offset) });
    return true;
  }
  return /^(CHECK|EXCLUDE)\b/i.test(text);
}

function applyColumn(target: Table, { text, offset }: Piece, locate: Locate): void {
  const column = new RegExp(String.raw`^(${NAME})\s+(.*)$`, 'is').exec(text);
  if (!column?.[1] || column[2] === undefined) return;
  const name = identifier(column[1]);
  // Quoted text (a DEFAULT or CHECK literal) must not be read as a keyword.
  const definition = column[2].replace(/'(?:[^']|'')*'/g, "''");
  target.columns.add(name);
  if (/\bPRIMARY\s+KEY\b/i.test(definition)) target.keys.push({ kind: 'primary key', name: `${target.name}_pkey`, columns: [name], partial: false });
  if (/\bUNIQUE\b/i.test(definition)) target.keys.push({ kind: 'unique', name: `${target.name}_${name}_key`, columns: [name], partial: false });
  const references = new RegExp(String.raw`\bREFERENCES\s+(${NAME})`, 'i').exec(definition);
  if (references?.[1]) {
    target.foreignKeys.push({ name: `${target.name}_${name}_fkey`, columns: [name], references: identifier(references[1]), where: locate(offset) });
  }
}

function applyTableItem(target: Table, item: Piece, locate: Locate): void {
  const named = new RegExp(String.raw`^CONSTRAINT\s+(${NAME})\s+`, 'i').exec(item.text);
  if (named?.[1]) {
    applyTableConstraint(target, identifier(named[1]), { text: item.text.slice(named[0].length), offset: item.offset + named[0].length }, locate);
    return;
  }
  if (/^(LIKE)\b/i.test(item.text) || applyTableConstraint(target, undefined, item, locate)) return;
  applyColumn(target, item, locate);
}

function dropColumn(target: Table, column: string): void {
  // PostgreSQL drops the indexes and constraints that involve a dropped column along with it.
  target.columns.delete(column);
  target.keys = target.keys.filter((key) => !key.columns.includes(column));
  target.foreignKeys = target.foreignKeys.filter((fk) => !fk.columns.includes(column));
}

function applyAlter(schema: SqlSchema, target: Table, action: Piece, locate: Locate): void {
  const { text, offset } = action;
  const addConstraint = new RegExp(String.raw`^ADD\s+CONSTRAINT\s+(${NAME})\s+`, 'i').exec(text);
  if (addConstraint?.[1]) {
    applyTableConstraint(target, identifier(addConstraint[1]), { text: text.slice(addConstraint[0].length), offset: offset + addConstraint[0].length }, locate);
    return;
  }
  const addUnnamed = /^ADD\s+(?=PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE)/i.exec(text);
  if (addUnnamed) {
    applyTableConstraint(target, undefined, { text: text.slice(addUnnamed[0].length), offset: offset + addUnnamed[0].length }, locate);
    return;
  }
  const addColumn = /^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?/i.exec(text);
  if (addColumn) {
    applyColumn(target, { text: text.slice(addColumn[0].length), offset: offset + addColumn[0].length }, locate);
    return;
  }
  const dropConstraint = new RegExp(String.raw`^DROP\s+CONSTRAINT\s+(?:IF\s+EXISTS\s+)?(${NAME})`, 'i').exec(text);
  if (dropConstraint?.[1]) {
    const name = identifier(dropConstraint[1]);
    target.keys = target.keys.filter((key) => key.name !== name);
    target.foreignKeys = target.foreignKeys.filter((fk) => fk.name !== name);
    return;
  }
  const dropColumnMatch = new RegExp(String.raw`^DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(${NAME})`, 'i').exec(text);
  if (dropColumnMatch?.[1]) {
    dropColumn(target, identifier(dropColumnMatch[1]));
    return;
  }
  const renameColumn = new RegExp(String.raw`^RENAME\s+(?:COLUMN\s+)?(${NAME})\s+TO\s+(${NAME})`, 'i').exec(text);
  if (renameColumn?.[1] && renameColumn[2] && !/^RENAME\s+(TO|CONSTRAINT)\b/i.test(text)) {
    const [from, to] = [identifier(renameColumn[1]), identifier(renameColumn[2])];
    const rename = (columns: string[]) => columns.map((c) => (c === from ? to : c));
    if (target.columns.delete(from)) target.columns.add(to);
    for (const key of target.keys) key.columns = rename(key.columns);
    for (const fk of target.foreignKeys) fk.columns = rename(fk.columns);
    return;
  }
  const renameTable = new RegExp(String.raw`^RENAME\s+TO\s+(${NAME})`, 'i').exec(text);
  if (renameTable?.[1]) {
    schema.delete(target.name);
    target.name = identifier(renameTable[1]);
    schema.set(target.name, target);
  }
}

/** Whether some key or index starts with exactly `columns` (in any order), as a lookup by them needs. */
export function leadingIndex(target: Table, columns: readonly string[], options: { allowPartial: boolean }): KeyOrIndex | undefined {
  const wanted = new Set(columns);
  return target.keys.find(
    (key) =>
      (options.allowPartial || !key.partial) &&
      key.columns.length >= wanted.size &&
      key.columns.slice(0, wanted.size).every((column) => wanted.has(column)),
  );
}

/** The up.sql files of migrations/, in the order they run (their folder names sort that way). */
export function upMigrations(list: readonly string[]): string[] {
  return list.filter((path) => /^migrations\/[^/]+\/up\.sql$/.test(path)).sort();
}
