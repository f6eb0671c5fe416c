import type { StackOptions } from '../core/options.js';
import { fieldTypeTraits, TIMESTAMP_FROM_CURSOR } from './field-types.js';
import type { FieldSpec } from './fields.js';
import type { ResourceNames } from './names.js';

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
  /** Expression giving the insert value from `input` / the update value from `changes`. */
  insertValue: string;
  updateValue: string;
  /** `row.publishedAt.toISOString()` for datetime fields; null when the row value is the entity value. */
  toEntity: string | null;
  sample: string;
  invalid: string;
  invalidFilter: string;
}

export interface IndexView {
  name: string;
  sqlColumns: string;
  drizzleColumns: string;
}

export interface SortKeyView {
  key: string;
  fromCursor: string;
}

export interface ResourceContext {
  names: ResourceNames;
  hasAuth: boolean;
  migration: string;
  fields: FieldView[];
  filterFields: FieldView[];
  sortFields: FieldView[];
  datetimeFields: FieldView[];
  hasFilters: boolean;
  /** An optional datetime field: the repository needs its null-preserving `toDate`. */
  needsToDate: boolean;
  sqlColumns: string[];
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

function fieldView(field: FieldSpec): FieldView {
  const traits = fieldTypeTraits[field.type];
  const { name, optional } = field;
  const isDatetime = field.type === 'datetime';
  const column = traits.drizzleColumn.replace('%COLUMN%', field.column);
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
    insertValue: isDatetime
      ? optional ? `toDate(input.${name}) ?? null` : `new Date(input.${name})`
      : optional ? `input.${name} ?? null` : `input.${name}`,
    updateValue: isDatetime
      ? optional ? `toDate(changes.${name})` : `changes.${name} === undefined ? undefined : new Date(changes.${name})`
      : `changes.${name}`,
    toEntity: isDatetime ? (optional ? `row.${name} === null ? null : row.${name}.toISOString()` : `row.${name}.toISOString()`) : null,
    sample: traits.sample.replace('%NAME%', name),
    invalid: traits.invalid,
    invalidFilter: traits.invalidFilter,
  };
}

/** `  title      varchar(255)   NOT NULL,` lines, aligned like the hand-written users migration. */
function sqlColumns(fields: FieldView[]): string[] {
  const rows: [string, string, string][] = [
    ['id', 'uuid', 'PRIMARY KEY DEFAULT gen_random_uuid()'],
    ...fields.map((f): [string, string, string] => [f.column, fieldTypeTraits[f.type].sql, f.optional ? '' : 'NOT NULL']),
    ['created_at', 'timestamptz(3)', 'NOT NULL DEFAULT now()'],
    ['updated_at', 'timestamptz(3)', 'NOT NULL DEFAULT now()'],
  ];
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const typeWidth = Math.max(...rows.map(([, type]) => type.length));
  return rows.map(([name, type, rest], i) => {
    const line = rest ? `${name.padEnd(nameWidth)} ${type.padEnd(typeWidth)} ${rest}` : `${name.padEnd(nameWidth)} ${type}`;
    return `  ${line}${i < rows.length - 1 ? ',' : ''}`;
  });
}

/** Sortable keys get (column, id): the keyset order, and equality filters on the column. Other filters get (column). */
function indexes(table: string, fields: FieldView[]): IndexView[] {
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

const quoted = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

/** A body property that is not a field, for the "unknown field is refused" test. */
function unknownFieldName(fields: FieldSpec[]): string {
  return ['isAdmin', 'unexpectedField', 'notAField'].find((candidate) => !fields.some((f) => f.name === candidate)) ?? 'x';
}

export function resourceContext(names: ResourceNames, specs: FieldSpec[], options: StackOptions, migration: string): ResourceContext {
  const fields = specs.map(fieldView);
  const filterFields = fields.filter((f) => f.filter !== null);
  const sortFields = fields.filter((f) => f.sortable);
  const sortKeys: SortKeyView[] = [
    { key: 'createdAt', fromCursor: TIMESTAMP_FROM_CURSOR },
    { key: 'updatedAt', fromCursor: TIMESTAMP_FROM_CURSOR },
    ...sortFields.map((f) => ({ key: f.name, fromCursor: fieldTypeTraits[f.type].fromCursor })),
  ];
  const builders = new Set(['index', 'pgTable', 'timestamp', 'uuid', ...fields.map((f) => fieldTypeTraits[f.type].drizzleImport)]);
  const permission = (action: string) => `${names.plural}:${action}`;
  const firstField = fields[0];
  if (firstField === undefined) throw new Error('a resource needs at least one field');
  return {
    names,
    hasAuth: options.auth !== 'none',
    migration,
    fields,
    filterFields,
    sortFields,
    datetimeFields: fields.filter((f) => f.isDatetime),
    hasFilters: filterFields.length > 0,
    needsToDate: fields.some((f) => f.isDatetime && f.optional),
    sqlColumns: sqlColumns(fields),
    indexes: indexes(names.table, fields),
    drizzleImports: [...builders].sort().join(', '),
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
