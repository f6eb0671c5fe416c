import type { Dialect } from './dialects.js';

/**
 * Words a field or resource may not be named. The migrations are plain SQL with unquoted identifiers,
 * so a PostgreSQL reserved key word would not parse; the generated TypeScript declares variables and
 * properties from the names, so JavaScript reserved words (and names every object already has) are out.
 */

/** PostgreSQL key words that are reserved, or reserved as a column or table name (PostgreSQL 15, appendix C). */
const SQL_RESERVED = new Set([
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization', 'between', 'bigint',
  'binary', 'bit', 'boolean', 'both', 'case', 'cast', 'char', 'character', 'check', 'coalesce', 'collate', 'collation',
  'column', 'concurrently', 'constraint', 'create', 'cross', 'current_catalog', 'current_date', 'current_role',
  'current_schema', 'current_time', 'current_timestamp', 'current_user', 'dec', 'decimal', 'default', 'deferrable',
  'desc', 'distinct', 'do', 'else', 'end', 'except', 'exists', 'extract', 'false', 'fetch', 'float', 'for', 'foreign',
  'freeze', 'from', 'full', 'grant', 'greatest', 'group', 'grouping', 'having', 'ilike', 'in', 'initially', 'inner',
  'inout', 'int', 'integer', 'intersect', 'interval', 'into', 'is', 'isnull', 'join', 'lateral', 'leading', 'least',
  'left', 'like', 'limit', 'localtime', 'localtimestamp', 'national', 'natural', 'nchar', 'none', 'normalize', 'not',
  'notnull', 'null', 'nullif', 'numeric', 'offset', 'on', 'only', 'or', 'order', 'out', 'outer', 'overlaps', 'overlay',
  'placing', 'position', 'precision', 'primary', 'real', 'references', 'returning', 'right', 'row', 'select',
  'session_user', 'setof', 'similar', 'smallint', 'some', 'substring', 'symmetric', 'system_user', 'table',
  'tablesample', 'then', 'time', 'timestamp', 'to', 'trailing', 'treat', 'trim', 'true', 'union', 'unique', 'user',
  'using', 'values', 'varchar', 'variadic', 'verbose', 'when', 'where', 'window', 'with', 'xmlattributes', 'xmlconcat',
  'xmlelement', 'xmlexists', 'xmlforest', 'xmlnamespaces', 'xmlparse', 'xmlpi', 'xmlroot', 'xmlserialize', 'xmltable',
]);

/**
 * Words the other databases reserve on top of PostgreSQL's (which every database refuses, so a field list
 * means the same everywhere): each was refused as an unquoted column or table name by SQLite 3.53
 * (better-sqlite3 12.9) or MariaDB 10.11 in the generated DDL, or is reserved by MySQL 8.0/8.4.
 */
const DIALECT_RESERVED: Readonly<Record<Exclude<Dialect, 'postgres'>, ReadonlySet<string>>> = {
  sqlite: new Set([
    'add', 'alter', 'autoincrement', 'commit', 'delete', 'drop', 'escape', 'if', 'index', 'insert', 'nothing', 'raise',
    'set', 'transaction', 'update',
  ]),
  mysql: new Set([
    'accessible', 'add', 'alter', 'asensitive', 'before', 'blob', 'by', 'call', 'cascade', 'change', 'condition',
    'continue', 'convert', 'cube', 'cume_dist', 'cursor', 'database', 'databases', 'day_hour', 'day_microsecond',
    'day_minute', 'day_second', 'declare', 'delayed', 'delete', 'delete_domain_id', 'dense_rank', 'describe',
    'deterministic', 'distinctrow', 'div', 'do_domain_ids', 'double', 'drop', 'dual', 'each', 'elseif', 'empty',
    'enclosed', 'escaped', 'exit', 'explain', 'first_value', 'float4', 'float8', 'force', 'fulltext', 'function',
    'generated', 'get', 'groups', 'high_priority', 'hour_microsecond', 'hour_minute', 'hour_second', 'if', 'ignore',
    'ignore_domain_ids', 'index', 'infile', 'insensitive', 'insert', 'int1', 'int2', 'int3', 'int4', 'int8',
    'io_after_gtids', 'io_before_gtids', 'iterate', 'json_table', 'key', 'keys', 'kill', 'lag', 'last_value', 'lead',
    'leave', 'linear', 'lines', 'load', 'lock', 'long', 'longblob', 'longtext', 'loop', 'low_priority', 'manual',
    'master_bind', 'master_demote_to_replica', 'master_demote_to_slave', 'master_ssl_verify_server_cert', 'match',
    'maxvalue', 'mediumblob', 'mediumint', 'mediumtext', 'member', 'middleint', 'minute_microsecond', 'minute_second',
    'mod', 'modifies', 'no_write_to_binlog', 'nth_value', 'ntile', 'of', 'optimize', 'optimizer_costs', 'optionally',
    'outfile', 'over', 'page_checksum', 'parallel', 'parse_vcol_expr', 'partition', 'percent_rank', 'portion',
    'procedure', 'purge', 'qualify', 'range', 'rank', 'read', 'read_write', 'reads', 'recursive', 'ref_system_id',
    'regexp', 'release', 'rename', 'repeat', 'replace', 'require', 'resignal', 'restrict', 'return', 'revoke', 'rlike',
    'row_number', 'rows', 'schema', 'schemas', 'second_microsecond', 'sensitive', 'separator', 'set', 'show', 'signal',
    'spatial', 'specific', 'sql', 'sql_big_result', 'sql_calc_found_rows', 'sql_small_result', 'sqlexception',
    'sqlstate', 'sqlwarning', 'ssl', 'starting', 'stats_auto_recalc', 'stats_persistent', 'stats_sample_pages',
    'stored', 'straight_join', 'system', 'terminated', 'tinyblob', 'tinyint', 'tinytext', 'trigger', 'undo', 'unlock',
    'unsigned', 'update', 'usage', 'use', 'utc_date', 'utc_time', 'utc_timestamp', 'varbinary', 'varcharacter',
    'varying', 'virtual', 'while', 'write', 'xor', 'year_month', 'zerofill',
  ]),
};

/** ECMAScript reserved words, strict-mode ones, and globals or members a generated name must not shadow. */
const JS_RESERVED = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
  'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new',
  'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with',
  'yield', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'arguments',
  'eval', 'undefined', 'NaN', 'Infinity', 'constructor', 'prototype', '__proto__', 'toString', 'valueOf',
  'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString',
  // An object with a `then` member is taken for a promise when an async function returns it.
  'then',
]);

export function isSqlReserved(word: string): boolean {
  return SQL_RESERVED.has(word.toLowerCase());
}

/** Reserved by this database beyond PostgreSQL's words (which isSqlReserved already refuses). */
export function isReservedIn(dialect: Dialect, word: string): boolean {
  return dialect !== 'postgres' && DIALECT_RESERVED[dialect].has(word.toLowerCase());
}

export function isJsReserved(word: string): boolean {
  return JS_RESERVED.has(word);
}
