/**
 * What each field type becomes in every layer of a generated resource: the column (SQL and Drizzle),
 * the TypeScript and zod types, how a list may filter and sort on it, and sample values for the
 * generated tests. One table, so a new type is one entry.
 */

export const FIELD_TYPES = ['string', 'text', 'number', 'integer', 'boolean', 'date', 'datetime', 'uuid'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Other spellings users reach for; each means exactly one type above. */
export const FIELD_TYPE_ALIASES: Readonly<Record<string, FieldType>> = {
  int: 'integer',
  bool: 'boolean',
  float: 'number',
  double: 'number',
  timestamp: 'datetime',
  timestamptz: 'datetime',
};

export interface FieldTypeTraits {
  sql: string;
  /** Drizzle builder imported from drizzle-orm/pg-core, and the column call (`%COLUMN%` = the column name). */
  drizzleImport: string;
  drizzleColumn: string;
  ts: 'string' | 'number' | 'boolean';
  /** Response shape (also the OpenAPI schema). */
  zodOut: string;
  /** Request body validation. */
  zodIn: string;
  /** Sortable (when required: NULLs have no place in a keyset order), with a (column, id) index. */
  sortable: boolean;
  /** Query-string parser of an equality filter (`?field=value`), or null when the type has none. */
  filter: string | null;
  /** Reads a keyset position (a string inside the cursor) back into the column's JavaScript type. */
  fromCursor: string;
  /** Test samples: the value of the i-th generated row (increasing in i), a body value that must be refused, a filter value that must be refused (`%NAME%` = the field). */
  sample: string;
  invalid: string;
  invalidFilter: string;
}

const timestampCursor = '(value) => new Date(value)';

export const fieldTypeTraits: Readonly<Record<FieldType, FieldTypeTraits>> = {
  string: {
    sql: 'varchar(255)',
    drizzleImport: 'varchar',
    drizzleColumn: "varchar('%COLUMN%', { length: 255 })",
    ts: 'string',
    zodOut: 'z.string().max(255)',
    zodIn: 'z.string().trim().min(1).max(255)',
    sortable: true,
    filter: 'z.string().min(1).max(255)',
    fromCursor: 'String',
    sample: '`%NAME%-${pad(i)}`',
    invalid: '42',
    invalidFilter: '',
  },
  text: {
    sql: 'text',
    drizzleImport: 'text',
    drizzleColumn: "text('%COLUMN%')",
    ts: 'string',
    zodOut: 'z.string().max(100_000)',
    zodIn: 'z.string().max(100_000)',
    // Long values: neither a useful order nor something a btree index can always hold.
    sortable: false,
    filter: null,
    fromCursor: 'String',
    sample: '`Some %NAME% ${pad(i)}`',
    invalid: '42',
    invalidFilter: '',
  },
  number: {
    sql: 'double precision',
    drizzleImport: 'doublePrecision',
    drizzleColumn: "doublePrecision('%COLUMN%')",
    ts: 'number',
    zodOut: 'z.number()',
    zodIn: 'z.number()',
    sortable: true,
    // Equality on floating point values is rarely what a client means; sort on it instead.
    filter: null,
    fromCursor: 'Number',
    sample: 'i + 0.5',
    invalid: "'not-a-number'",
    invalidFilter: '',
  },
  integer: {
    sql: 'integer',
    drizzleImport: 'integer',
    drizzleColumn: "integer('%COLUMN%')",
    ts: 'number',
    zodOut: "z.int().min(-2_147_483_648).max(2_147_483_647).meta({ format: 'int32' })",
    zodIn: "z.int32().meta({ format: 'int32' })",
    sortable: true,
    filter: "z.string().max(11).regex(/^-?\\d+$/, 'must be a whole number').transform(Number).pipe(z.int32().meta({ format: 'int32' }))",
    fromCursor: 'Number',
    sample: 'i * 10 - 20',
    invalid: '1.5',
    invalidFilter: 'abc',
  },
  boolean: {
    sql: 'boolean',
    drizzleImport: 'boolean',
    drizzleColumn: "boolean('%COLUMN%')",
    ts: 'boolean',
    zodOut: 'z.boolean()',
    zodIn: 'z.boolean()',
    sortable: false,
    filter: "z.enum(['true', 'false']).transform((value) => value === 'true')",
    fromCursor: 'String',
    sample: 'i % 2 === 0',
    invalid: "'yes'",
    invalidFilter: 'maybe',
  },
  date: {
    sql: 'date',
    drizzleImport: 'date',
    drizzleColumn: "date('%COLUMN%', { mode: 'string' })",
    ts: 'string',
    zodOut: 'z.iso.date().max(10)',
    zodIn: 'z.iso.date().max(10)',
    sortable: true,
    filter: 'z.iso.date().max(10)',
    fromCursor: 'String',
    sample: '`2024-01-${pad(i + 1)}`',
    invalid: "'not-a-date'",
    invalidFilter: 'not-a-date',
  },
  datetime: {
    sql: 'timestamptz(3)',
    drizzleImport: 'timestamp',
    drizzleColumn: "at('%COLUMN%')",
    ts: 'string',
    zodOut: 'z.iso.datetime().max(32)',
    zodIn: 'z.iso.datetime({ offset: true }).max(64)',
    sortable: true,
    filter: null,
    fromCursor: timestampCursor,
    sample: 'new Date(Date.UTC(2024, 0, i + 1, 12)).toISOString()',
    invalid: "'not-a-time'",
    invalidFilter: '',
  },
  uuid: {
    sql: 'uuid',
    drizzleImport: 'uuid',
    drizzleColumn: "uuid('%COLUMN%')",
    ts: 'string',
    zodOut: 'z.uuid().max(36)',
    zodIn: 'z.uuid().max(36)',
    sortable: false,
    filter: 'z.uuid().max(36)',
    fromCursor: 'String',
    sample: '`00000000-0000-4000-8000-${String(i).padStart(12, \'0\')}`',
    invalid: "'not-a-uuid'",
    invalidFilter: 'not-a-uuid',
  },
};

/** The keyset reader of the createdAt/updatedAt sort keys. */
export const TIMESTAMP_FROM_CURSOR = timestampCursor;
