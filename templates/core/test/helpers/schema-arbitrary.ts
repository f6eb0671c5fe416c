import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations.js';

/**
 * fast-check arbitraries of the values a JSON Schema accepts, for the subset that documents generated
 * from zod use: objects (required, optional and nested properties), strings (length, pattern, enum and
 * the formats email, uuid, date-time, date, uri, binary), integers and numbers with bounds, booleans,
 * arrays with bounds, const, nullable, anyOf, oneOf and allOf. (No maintained package converts JSON
 * Schema to fast-check for fast-check 4, so the tests carry this small one; test/unit/schema-arbitrary
 * checks it against zod's own reading of the same schemas.)
 *
 * A property's name may steer a plain string towards what such a field usually holds
 * (an `email` field gets addresses more often than not), so valid requests reach past validation.
 */

/**
 * Files for `format: binary` fields: small real files of common types (whole, or with bytes after
 * them), a known signature followed by noise, or noise alone.
 */
const SAMPLE_FILES: readonly Buffer[] = [
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
];
const SIGNATURES: readonly Buffer[] = SAMPLE_FILES.map((file) => file.subarray(0, 8));

const noise = fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes));

export const binaryArbitrary: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SAMPLE_FILES) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SAMPLE_FILES), noise).map(([file, bytes]) => Buffer.concat([file, bytes])) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SIGNATURES), noise).map(([signature, bytes]) => Buffer.concat([signature, bytes])) },
  { weight: 1, arbitrary: noise },
);

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/);

/**
 * Addresses every validator accepts (zod's is stricter than RFC 5322, whose odder forms fast-check's
 * emailAddress() makes); the odd ones are the hostile strings' business.
 */
const emailArbitrary = fc
  .tuple(label, fc.option(label, { nil: undefined }), label, fc.constantFrom('com', 'org', 'io', 'dev'))
  .map(([user, tag, domain, tld]) => `${user}${tag === undefined ? '' : `.${tag}`}@${domain}.${tld}`);

/**
 * URLs that never leave this machine: IP literals on loopback, port 1, where nothing listens. A
 * webhook subscription to one is refused, or accepted and its deliveries fail at once; no test ever
 * sends a request to the network, nor waits on DNS.
 */
const uriArbitrary = fc
  .tuple(fc.constantFrom('http', 'https'), fc.constantFrom('127.0.0.1', '[::1]'), fc.webPath(), fc.option(fc.webQueryParameters(), { nil: undefined }))
  .map(([scheme, host, path, query]) => `${scheme}://${host}:1${path}${query === undefined ? '' : `?${query}`}`);

const MIN_DATE = new Date('1970-01-01T00:00:00.000Z');
const MAX_DATE = new Date('2199-12-31T23:59:59.999Z');
const dateArbitrary = fc.date({ min: MIN_DATE, max: MAX_DATE, noInvalidDate: true });

function formatArbitrary(format: string | undefined): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'email':
      return emailArbitrary;
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return dateArbitrary.map((date) => date.toISOString());
    case 'date':
      return dateArbitrary.map((date) => date.toISOString().slice(0, 10));
    case 'uri':
    case 'url':
      return uriArbitrary;
    default:
      return undefined;
  }
}

/** Valid text that naive code mishandles: quotes and semicolons (SQL), markup, accents, other scripts. */
const EVERYDAY_TEXT: readonly string[] = ["O'Brien", 'Zoë Saldaña', '李小龍', 'Ærøskøbing', 'Smith; Jones', 'say "hi"', '<b>bold</b> & co', 'back\\slash', '100%', 'Null', '😀 emoji'];

// Field names whose plain strings are steered (see the header comment).
const NAME_HINTS: Record<string, fc.Arbitrary<string>> = { email: emailArbitrary, url: uriArbitrary };

export function stringArbitrary(schema: JsonSchema, name?: string): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Math.max(minLength, 200);
  // In range both in UTF-16 code units (what zod's .min/.max count) and in code points (what JSON
  // Schema's minLength/maxLength count): valid then means valid to the server and to the document.
  const inRange = (length: number) => length >= minLength && length <= maxLength;
  const fits = (value: string) => inRange(value.length) && inRange([...value].length);
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, 'u');
  const matches = (value: string) => fits(value) && (pattern === undefined || pattern.test(value));
  const format = formatArbitrary(schema.format);
  if (format) return format.filter(matches);
  if (pattern) return fc.stringMatching(pattern, { maxLength }).filter(matches);
  // fast-check keeps strings short unless told otherwise ("size"): lengths up to the limit, and the
  // limits themselves, are drawn on purpose. Multi-unit characters get a quarter of the room, so that
  // their UTF-16 length (which zod counts) rarely overshoots.
  const anyLength = { minLength, maxLength, size: 'max' } as const;
  const wide = { minLength, maxLength: Math.max(minLength, Math.floor(maxLength / 4)), size: 'max' } as const;
  const atALimit = fc.constantFrom(minLength, maxLength).chain((length) => fc.string({ minLength: length, maxLength: length }));
  // Mostly printable ASCII; also text people really type (quotes, accents, scripts, markup) and any
  // code point (control characters, NUL): a schema that says only "string" accepts them all.
  const everyday = EVERYDAY_TEXT.filter(fits);
  const plain = fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength, maxLength }) },
    { weight: 2, arbitrary: fc.string(anyLength) },
    { weight: 1, arbitrary: atALimit },
    { weight: 1, arbitrary: everyday.length > 0 ? fc.constantFrom(...everyday) : fc.string({ minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ ...wide, unit: 'grapheme' }).filter(fits) },
    { weight: 1, arbitrary: fc.string({ ...wide, unit: 'binary' }).filter(fits) },
  );
  // A hinted field too short for what it usually holds (an email in 5 characters) gets plain text.
  const hint = name === undefined || maxLength < 40 ? undefined : NAME_HINTS[name];
  return hint ? fc.oneof({ weight: 2, arbitrary: hint.filter(fits) }, { weight: 1, arbitrary: plain }) : plain;
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  if (integer) {
    const min = schema.exclusiveMinimum !== undefined ? Math.floor(schema.exclusiveMinimum) + 1 : Math.ceil(schema.minimum ?? -1_000_000);
    const max = schema.exclusiveMaximum !== undefined ? Math.ceil(schema.exclusiveMaximum) - 1 : Math.floor(schema.maximum ?? 1_000_000);
    return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
  }
  return fc.double({
    min: schema.exclusiveMinimum ?? schema.minimum ?? -1e9,
    max: schema.exclusiveMaximum ?? schema.maximum ?? 1e9,
    minExcluded: schema.exclusiveMinimum !== undefined,
    maxExcluded: schema.exclusiveMaximum !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

function objectArbitrary(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(properties)) model[key] = valueArbitrary(child, key);
  const requiredKeys = (schema.required ?? []).filter((key) => key in properties);
  // `noNullPrototype`: bodies are sent as JSON, and plain objects print better in failure reports.
  return fc.record(model, { requiredKeys, noNullPrototype: true });
}

function arrayArbitrary(schema: JsonSchema): fc.Arbitrary<unknown[]> {
  const minLength = schema.minItems ?? 0;
  const maxLength = Math.min(schema.maxItems ?? minLength + 5, minLength + 5);
  const items = valueArbitrary(schema.items ?? {});
  return schema.uniqueItems
    ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) })
    : fc.array(items, { minLength, maxLength });
}

/** One shallow schema standing for `allOf` (the subset here only ever combines objects or constraints). */
function mergeAll(schemas: JsonSchema[]): JsonSchema {
  return schemas.reduce<JsonSchema>(
    (merged, next) => ({
      ...merged,
      ...next,
      properties: { ...merged.properties, ...next.properties },
      required: [...(merged.required ?? []), ...(next.required ?? [])],
    }),
    {},
  );
}

function typedArbitrary(type: string, schema: JsonSchema, name?: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return schema.format === 'binary' ? binaryArbitrary : stringArbitrary(schema, name);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArbitrary(schema);
    case 'object':
      return objectArbitrary(schema);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values `schema` accepts; `name` is the property that holds them, if any. */
export function valueArbitrary(schema: JsonSchema, name?: string): fc.Arbitrary<unknown> {
  const generated = baseArbitrary(schema, name);
  // The documented default is a value the server surely takes: it gets past validation more often.
  const base = schema.default === undefined ? generated : fc.oneof(generated, fc.constant(schema.default));
  return schema.nullable ? fc.option(base, { nil: null }) : base;
}

function baseArbitrary(schema: JsonSchema, name?: string): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches !== undefined && branches.length > 0) return fc.oneof(...branches.map((branch) => valueArbitrary(branch, name)));
  if (schema.allOf !== undefined && schema.allOf.length > 0) return valueArbitrary(mergeAll([{ ...schema, allOf: undefined }, ...schema.allOf]), name);
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? inferTypes(schema) : [schema.type];
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((type) => typedArbitrary(type, schema, name)));
}

/** The type a schema without `type` implies by its keywords ([] when it accepts anything). */
function inferTypes(schema: JsonSchema): string[] {
  if (schema.properties !== undefined) return ['object'];
  if (schema.items !== undefined) return ['array'];
  if (schema.minLength !== undefined || schema.maxLength !== undefined || schema.pattern !== undefined || schema.format !== undefined) return ['string'];
  return [];
}
