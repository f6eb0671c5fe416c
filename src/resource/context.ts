import type { StackOptions } from '../core/options.js';
import { checks, drizzleImports, indexes, sqlColumns, type CheckView, type IndexView } from './ddl.js';
import { columnTraits, type Dialect } from './dialects.js';
import { fieldTypeTraits, TIMESTAMP_FROM_CURSOR } from './field-types.js';
import type { FieldSpec } from './fields.js';
import type { ResourceNames } from './names.js';

export type { CheckView, IndexView } from './ddl.js';

/**
 * Everything the resource templates print, computed here: templates loop and print, they never
 * decide (the same rule as the feature templates).
 */

export interface FieldView extends FieldSpec {
  required: boolean;
  /** Type in the entity, NewX and XChanges: `boolean | null` when optional. */
  tsType: string;
  /** Type of an equality filter's value. */
  tsFilter: string;
  drizzleColumn: string;
  zodOut: string;
  zodCreate: string;
  zodUpdate: string;
  filter: string | null;
  sortable: boolean;
  isDatetime: boolean;
  /** Expression giving the insert value from `input` / the update value from `changes` / the filter value from `filters`. */
  insertValue: string;
  updateValue: string;
  filterValue: string;
  /** `row.publishedAt.toISOString()` for datetime fields; null when the row value is the entity value. */
  toEntity: string | null;
  sample: string;
  invalid: string;
  invalidFilter: string;
}

export interface SortKeyView {
  key: string;
  fromCursor: string;
}

export interface ResourceContext {
  names: ResourceNames;
  /** The project's database: picks the migration, schema and repository templates. */
  database: Dialect;
  hasAuth: boolean;
  migration: string;
  fields: FieldView[];
  filterFields: FieldView[];
  sortFields: FieldView[];
  datetimeFields: FieldView[];
  hasFilters: boolean;
  /** An optional datetime field: the repository needs its null-preserving `toDate`. */
  needsToDate: boolean;
  /** The lines inside CREATE TABLE (see ddl.ts). */
  sqlColumns: string[];
  /** SQLite: CHECKs standing in for PostgreSQL's column types (empty elsewhere). */
  checks: CheckView[];
  indexes: IndexView[];
  drizzleImports: string;
  sortKeys: SortKeyView[];
  sortKeyList: string;
  fieldList: string;
  filterList: string;
  permissions: { create: string; list: string; read: string; update: string; delete: string };
  rulesConstant: string;
  firstRequired: FieldView | null;
  firstOptional: FieldView | null;
  firstField: FieldView;
  unknownField: string;
  schemaFile: string;
  /** The test helpers' samples use `pad(i)`. */
  samplesNeedPad: boolean;
}

const nullable = (type: string, optional: boolean) => (optional ? `${type} | null` : type);

/**
 * PostgreSQL's uuid type answers in lower case whatever case it was given; the text/char(36)
 * columns of the other databases keep what they get, so their repositories lower-case UUIDs.
 */
function lowerCased(field: FieldSpec, dialect: Dialect): { insert: string; update: string; filter: string } | null {
  if (field.type !== 'uuid' || dialect === 'postgres') return null;
  const { name, optional } = field;
  return {
    insert: optional ? `input.${name}?.toLowerCase() ?? null` : `input.${name}.toLowerCase()`,
    update: optional ? `changes.${name} === null ? null : changes.${name}?.toLowerCase()` : `changes.${name}?.toLowerCase()`,
    filter: `filters.${name}.toLowerCase()`,
  };
}

function fieldView(field: FieldSpec, dialect: Dialect): FieldView {
  const traits = fieldTypeTraits[field.type];
  const { name, optional } = field;
  const isDatetime = field.type === 'datetime';
  const column = columnTraits[dialect][field.type].drizzleColumn.replace('%COLUMN%', field.column);
  const lower = lowerCased(field, dialect);
  return {
    ...field,
    required: !optional,
    tsType: nullable(traits.ts, optional),
    tsFilter: traits.ts,
    drizzleColumn: optional ? column : `${column}.notNull()`,
    zodOut: optional ? `${traits.zodOut}.nullable()` : traits.zodOut,
    zodCreate: optional ? `${traits.zodIn}.nullable().optional()` : traits.zodIn,
    zodUpdate: optional ? `${traits.zodIn}.nullable().optional()` : `${traits.zodIn}.optional()`,
    filter: traits.filter,
    sortable: traits.sortable && !optional,
    isDatetime,
    insertValue:
      lower?.insert ??
      (isDatetime ? (optional ? `toDate(input.${name}) ?? null` : `new Date(input.${name})`) : optional ? `input.${name} ?? null` : `input.${name}`),
    updateValue:
      lower?.update ??
      (isDatetime ? (optional ? `toDate(changes.${name})` : `changes.${name} === undefined ? undefined : new Date(changes.${name})`) : `changes.${name}`),
    filterValue: lower?.filter ?? `filters.${name}`,
    toEntity: isDatetime ? (optional ? `row.${name} === null ? null : row.${name}.toISOString()` : `row.${name}.toISOString()`) : null,
    sample: traits.sample.replace('%NAME%', name),
    invalid: traits.invalid,
    invalidFilter: traits.invalidFilter,
  };
}

const quoted = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

/** A body property that is not a field, for the "unknown field is refused" test. */
function unknownFieldName(fields: FieldSpec[]): string {
  return ['isAdmin', 'unexpectedField', 'notAField'].find((candidate) => !fields.some((f) => f.name === candidate)) ?? 'x';
}

export function resourceContext(names: ResourceNames, specs: FieldSpec[], options: StackOptions, migration: string): ResourceContext {
  const database = options.database;
  const fields = specs.map((spec) => fieldView(spec, database));
  const filterFields = fields.filter((f) => f.filter !== null);
  const sortFields = fields.filter((f) => f.sortable);
  const sortKeys: SortKeyView[] = [
    { key: 'createdAt', fromCursor: TIMESTAMP_FROM_CURSOR },
    { key: 'updatedAt', fromCursor: TIMESTAMP_FROM_CURSOR },
    ...sortFields.map((f) => ({ key: f.name, fromCursor: fieldTypeTraits[f.type].fromCursor })),
  ];
  const tableChecks = checks(database, names.table, fields);
  const tableIndexes = indexes(names.table, fields);
  const permission = (action: string) => `${names.plural}:${action}`;
  const firstField = fields[0];
  if (firstField === undefined) throw new Error('a resource needs at least one field');
  return {
    names,
    database,
    hasAuth: options.auth !== 'none',
    migration,
    fields,
    filterFields,
    sortFields,
    datetimeFields: fields.filter((f) => f.isDatetime),
    hasFilters: filterFields.length > 0,
    needsToDate: fields.some((f) => f.isDatetime && f.optional),
    sqlColumns: sqlColumns(database, fields, tableChecks, tableIndexes),
    checks: tableChecks,
    indexes: tableIndexes,
    drizzleImports: drizzleImports(database, fields, tableChecks.length > 0),
    sortKeys,
    sortKeyList: quoted(sortKeys.map((k) => k.key)),
    fieldList: quoted(['id', ...fields.map((f) => f.name), 'createdAt', 'updatedAt']),
    filterList: quoted(filterFields.map((f) => f.name)),
    permissions: { create: permission('create'), list: permission('list'), read: permission('read'), update: permission('update'), delete: permission('delete') },
    rulesConstant: `${names.constantSingular}_RULES`,
    firstRequired: fields.find((f) => f.required) ?? null,
    firstOptional: fields.find((f) => f.optional) ?? null,
    firstField,
    unknownField: unknownFieldName(specs),
    schemaFile: `${names.singular}-schema`,
    samplesNeedPad: fields.some((f) => f.sample.includes('pad(')),
  };
}
