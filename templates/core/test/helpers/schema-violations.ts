import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations.js';
import { valueArbitrary } from './schema-arbitrary.js';

/**
 * fast-check arbitraries of values a JSON Schema refuses, each with the reason, one violation at a
 * time (in a nested value, one property is wrong and the rest valid): the wrong type, a missing
 * required property, an extra property where none are allowed, a string too long or too short or
 * off its pattern, enum or format, a number out of range, an array with too many or too few items.
 */

export interface Invalid {
  value: unknown;
  /** Where and how the value breaks the schema: "body.email: longer than 254 characters". */
  reason: string;
}

type Reasoned = { weight: number; arbitrary: fc.Arbitrary<Invalid> };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SAMPLES_BY_TYPE: Record<string, unknown> = {
  string: 'text',
  integer: 42,
  number: 1.5,
  boolean: true,
  null: null,
  array: [1, 'two'],
  object: { key: 'value' },
};

/** The JSON types the schema accepts, or undefined when that cannot be told (any, or composed). */
function acceptedTypes(schema: JsonSchema): Set<string> | undefined {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches !== undefined) {
    const sets = branches.map(acceptedTypes);
    if (sets.some((set) => set === undefined)) return undefined;
    return new Set(sets.flatMap((set) => [...(set ?? [])]));
  }
  let types: string[];
  if (schema.enum !== undefined) types = [...new Set(schema.enum.map((value) => (value === null ? 'null' : typeof value)))];
  else if (schema.type === undefined) return undefined;
  else types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const accepted = new Set(types);
  if (schema.nullable) accepted.add('null');
  if (accepted.has('number')) accepted.add('integer');
  return accepted;
}

/** Strings that are not `format`, for the formats the generated documents use. */
const NOT_OF_FORMAT: Record<string, string[]> = {
  email: ['not-an-email', 'two@@example.com', '@example.com', 'user@'],
  uuid: ['not-a-uuid', '123', '00000000-0000-0000-0000-00000000000g', '{6ba7b810-9dad-11d1-80b4-00c04fd430c8}'],
  'date-time': ['yesterday', '2024-13-45T99:99:99Z', '2024-01-01 00:00:00'],
  date: ['today', '2024-02-30x', '01/02/2024'],
  uri: ['not a url', '://missing-scheme', 'http//no-colon'],
  url: ['not a url', '://missing-scheme', 'http//no-colon'],
};

function stringViolations(schema: JsonSchema, where: string): Reasoned[] {
  const out: Reasoned[] = [];
  const { maxLength, minLength, pattern, format } = schema;
  if (maxLength !== undefined) {
    // Letters, not spaces: a trimming schema must not shorten the value back into range.
    const tooLong = fc.integer({ min: maxLength + 1, max: maxLength + 64 }).map((length) => 'x'.repeat(length));
    out.push({ weight: 2, arbitrary: tooLong.map((value) => ({ value, reason: `${where}: longer than ${maxLength} characters` })) });
  }
  if (minLength !== undefined && minLength > 0) {
    const tooShort = fc.integer({ min: 0, max: minLength - 1 }).map((length) => 'x'.repeat(length));
    out.push({ weight: 1, arbitrary: tooShort.map((value) => ({ value, reason: `${where}: shorter than ${minLength} characters` })) });
  }
  if (schema.enum !== undefined) {
    const allowed = schema.enum;
    const other = fc.oneof(fc.constant('not-one-of-them'), fc.string({ maxLength: 20 })).filter((value) => !allowed.includes(value));
    out.push({ weight: 2, arbitrary: other.map((value) => ({ value, reason: `${where}: not one of ${allowed.join(', ')}` })) });
  }
  if (pattern !== undefined && format === undefined) {
    const regex = new RegExp(pattern);
    const off = fc.oneof(fc.constant('not matching!'), fc.string({ minLength: 1, maxLength: 20 })).filter((value) => !regex.test(value));
    out.push({ weight: 2, arbitrary: off.map((value) => ({ value, reason: `${where}: does not match ${pattern}` })) });
  }
  const notFormat = format === undefined ? undefined : NOT_OF_FORMAT[format];
  if (notFormat !== undefined) {
    out.push({ weight: 2, arbitrary: fc.constantFrom(...notFormat).map((value) => ({ value, reason: `${where}: not a${/^[aeiou]/.test(format ?? '') ? 'n' : ''} ${format}` })) });
  }
  return out;
}

function numberViolations(schema: JsonSchema, where: string, integer: boolean): Reasoned[] {
  const out: Reasoned[] = [];
  const min = schema.minimum ?? schema.exclusiveMinimum;
  const max = schema.maximum ?? schema.exclusiveMaximum;
  if (min !== undefined) {
    const below = fc.integer({ min: 1, max: 1000 }).map((gap) => (schema.minimum !== undefined ? min - gap : min - gap + 1));
    out.push({ weight: 2, arbitrary: below.map((value) => ({ value, reason: `${where}: below ${min}` })) });
  }
  if (max !== undefined) {
    const above = fc.integer({ min: 1, max: 1000 }).map((gap) => (schema.maximum !== undefined ? max + gap : max + gap - 1));
    out.push({ weight: 2, arbitrary: above.map((value) => ({ value, reason: `${where}: above ${max}` })) });
  }
  if (integer) {
    const fraction = fc.integer({ min: -1000, max: 1000 }).map((whole) => whole + 0.5);
    out.push({ weight: 1, arbitrary: fraction.map((value) => ({ value, reason: `${where}: not an integer` })) });
  }
  return out;
}

function arrayViolations(schema: JsonSchema, where: string): Reasoned[] {
  const out: Reasoned[] = [];
  const item = valueArbitrary(schema.items ?? {});
  if (schema.maxItems !== undefined) {
    const tooMany = fc.array(item, { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 3 });
    out.push({ weight: 1, arbitrary: tooMany.map((value) => ({ value, reason: `${where}: more than ${schema.maxItems} items` })) });
  }
  if (schema.minItems !== undefined && schema.minItems > 0) {
    const tooFew = fc.array(item, { maxLength: schema.minItems - 1 });
    out.push({ weight: 1, arbitrary: tooFew.map((value) => ({ value, reason: `${where}: fewer than ${schema.minItems} items` })) });
  }
  const badItem = schema.items === undefined ? undefined : invalidArbitrary(schema.items, `${where}[0]`);
  if (badItem !== undefined) {
    const withBadItem = fc.tuple(badItem, fc.array(item, { maxLength: 2 })).map(([bad, rest]) => ({ value: [bad.value, ...rest], reason: bad.reason }));
    out.push({ weight: 2, arbitrary: withBadItem });
  }
  return out;
}

function objectViolations(schema: JsonSchema, where: string): Reasoned[] {
  const out: Reasoned[] = [];
  const valid = valueArbitrary({ ...schema, nullable: false }).filter(isRecord);
  const prefix = where === '' ? '' : `${where}.`;
  for (const key of schema.required ?? []) {
    out.push({
      weight: 1,
      arbitrary: valid.map(({ [key]: _dropped, ...rest }) => ({ value: rest, reason: `${prefix}${key}: required, missing` })),
    });
  }
  if (schema.additionalProperties === false) {
    const extra = fc.constantFrom('extra', 'isAdmin', '__proto__', 'constructor', 'id');
    const withExtra = fc
      .tuple(valid, extra.filter((key) => !(key in (schema.properties ?? {}))), fc.jsonValue({ maxDepth: 1 }))
      // defineProperty: an own "__proto__" key, as JSON.parse would make it, not a prototype change.
      .map(([value, key, extraValue]) => ({ value: Object.defineProperty({ ...value }, key, { value: extraValue, enumerable: true }), reason: `${prefix}${key}: not an allowed property` }));
    out.push({ weight: 2, arbitrary: withExtra });
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const bad = invalidArbitrary(child, `${prefix}${key}`);
    if (bad === undefined) continue;
    out.push({ weight: 3, arbitrary: fc.tuple(valid, bad).map(([value, wrong]) => ({ value: { ...value, [key]: wrong.value }, reason: wrong.reason })) });
  }
  return out;
}

/** Values `schema` refuses, with the reason; undefined when it refuses nothing this helper can make. */
export function invalidArbitrary(schema: JsonSchema, where = ''): fc.Arbitrary<Invalid> | undefined {
  const out: Reasoned[] = [];
  const accepted = acceptedTypes(schema);
  if (accepted !== undefined) {
    const wrong = Object.entries(SAMPLES_BY_TYPE).filter(([type]) => !accepted.has(type));
    if (wrong.length > 0) {
      const label = where || 'value';
      out.push({ weight: 2, arbitrary: fc.constantFrom(...wrong).map(([type, value]) => ({ value, reason: `${label}: a ${type} where ${[...accepted].join(' or ')} is expected` })) });
    }
  }
  const types = accepted ?? new Set<string>();
  if (schema.enum === undefined && schema.anyOf === undefined && schema.oneOf === undefined) {
    const label = where || 'value';
    if (types.has('string')) out.push(...stringViolations(schema, label));
    if (types.has('integer') && !types.has('number')) out.push(...numberViolations(schema, label, true));
    else if (types.has('number')) out.push(...numberViolations(schema, label, false));
    if (types.has('array')) out.push(...arrayViolations(schema, label));
    if (types.has('object')) out.push(...objectViolations(schema, where));
  } else if (schema.enum !== undefined && types.has('string')) {
    out.push(...stringViolations({ enum: schema.enum }, where || 'value'));
  }
  return out.length === 0 ? undefined : fc.oneof(...out);
}

/**
 * Text a parameter (path, query, header) refuses: parameters arrive as strings, so only the
 * violations that can be written as one count (a number out of range is written out; a wrong JSON
 * type is not).
 */
export function invalidTextArbitrary(schema: JsonSchema, where: string): fc.Arbitrary<Invalid> | undefined {
  const accepted = acceptedTypes(schema) ?? new Set<string>();
  const out: Reasoned[] = [];
  if (accepted.has('string')) out.push(...stringViolations(schema, where));
  else if (schema.enum !== undefined) out.push(...stringViolations({ enum: schema.enum.map(String) }, where));
  if (accepted.has('integer') || accepted.has('number')) {
    out.push(...numberViolations(schema, where, !accepted.has('number')).map(({ weight, arbitrary }) => ({ weight, arbitrary: arbitrary.map(({ value, reason }) => ({ value: String(value), reason })) })));
    out.push({ weight: 1, arbitrary: fc.constant({ value: 'not-a-number', reason: `${where}: not a number` }) });
  }
  if (accepted.has('boolean') && !accepted.has('string')) out.push({ weight: 1, arbitrary: fc.constant({ value: 'maybe', reason: `${where}: not a boolean` }) });
  return out.length === 0 ? undefined : fc.oneof(...out);
}
