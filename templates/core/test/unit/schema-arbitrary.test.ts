import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS, replaceStrings } from '../helpers/hostile-strings.js';
import { type JsonSchema, readOperations } from '../helpers/openapi-operations.js';
import { validatorFor } from '../helpers/response-check.js';
import { valueArbitrary } from '../helpers/schema-arbitrary.js';
import { invalidArbitrary, invalidTextArbitrary } from '../helpers/schema-violations.js';

/**
 * The JSON Schema → fast-check converter of the property-based tests (test/integration/hostile-input),
 * checked against an independent reading of the same schemas: zod's z.fromJSONSchema. Valid values
 * must pass it and invalid ones fail it, for every kind of schema the generated documents contain.
 */

const SCHEMAS: Record<string, JsonSchema> = {
  'a closed object with required and optional properties': {
    type: 'object',
    properties: {
      email: { type: 'string', format: 'email', maxLength: 254 },
      name: { type: 'string', minLength: 1, maxLength: 100 },
      role: { type: 'string', enum: ['user', 'admin'] },
    },
    required: ['email', 'name'],
    additionalProperties: false,
  },
  'string formats': {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      at: { type: 'string', format: 'date-time' },
      day: { type: 'string', format: 'date' },
      url: { type: 'string', format: 'uri', minLength: 1, maxLength: 2048 },
    },
    required: ['id', 'at', 'day', 'url'],
  },
  'a pattern': { type: 'string', pattern: '^\\d+$' },
  'bounded numbers': {
    type: 'object',
    properties: { count: { type: 'integer', minimum: 1, maximum: 100 }, ratio: { type: 'number', exclusiveMinimum: 0, maximum: 1 } },
    required: ['count', 'ratio'],
  },
  'an array of enum values': { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] }, minItems: 1, maxItems: 3 },
  'null and alternatives': {
    type: 'object',
    properties: { either: { anyOf: [{ type: 'integer' }, { type: 'boolean' }] }, maybe: { type: ['string', 'null'], maxLength: 5 } },
    required: ['either', 'maybe'],
  },
  'a boolean and a constant': { type: 'object', properties: { flag: { type: 'boolean' }, kind: { const: 'fixed' } }, required: ['flag', 'kind'] },
};

const RUNS = { seed: 42, numRuns: 150 };

describe('valueArbitrary: values a JSON Schema accepts', () => {
  it.each(Object.entries(SCHEMAS))('%s', (_name, schema) => {
    const reader = validatorFor(schema);
    fc.assert(fc.property(valueArbitrary(schema), (value) => reader.safeParse(value).success), RUNS);
  });

  it('steers an `email` or `url` field that is only "a string" towards what such a field holds', () => {
    const emails = fc.sample(valueArbitrary({ type: 'string' }, 'email'), { seed: 1, numRuns: 60 });
    expect(emails.filter((value) => typeof value === 'string' && /^[^@\s]+@[^@\s]+\.[a-z]+$/.test(value)).length).toBeGreaterThan(20);
  });
});

describe('invalidArbitrary: values a JSON Schema refuses, one violation at a time', () => {
  it.each(Object.entries(SCHEMAS))('%s', (_name, schema) => {
    const reader = validatorFor(schema);
    const invalid = invalidArbitrary(schema);
    expect(invalid).toBeDefined();
    if (invalid === undefined) return;
    fc.assert(fc.property(invalid, ({ value, reason }) => reason.length > 0 && !reader.safeParse(value).success), RUNS);
  });

  it('has nothing to offer for a schema that accepts anything', () => {
    expect(invalidArbitrary({})).toBeUndefined();
  });

  it('writes parameter violations as text', () => {
    const schema: JsonSchema = { type: 'string', format: 'uuid' };
    const invalid = invalidTextArbitrary(schema, 'path parameter id');
    if (invalid === undefined) throw new Error('expected violations of a uuid');
    const reader = validatorFor(schema);
    fc.assert(fc.property(invalid, ({ value }) => typeof value === 'string' && !reader.safeParse(value).success), RUNS);
  });
});

describe('readOperations', () => {
  const document = {
    openapi: '3.1.0',
    paths: {
      '/items/{id}': {
        delete: { parameters: [{ name: 'id', in: 'path', schema: { type: 'string', format: 'uuid' } }], responses: { 204: {} }, security: [{ bearerAuth: [] }] },
        // Credentials optional: one alternative needs none.
        get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, 404: {} }, security: [{ bearerAuth: [] }, {}] },
      },
      '/items': {
        post: {
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          responses: { 201: {}, 400: {} },
          security: [{}],
        },
      },
    },
    components: { schemas: { Item: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } },
  };

  it('lists every operation, creations first and removals last, with $refs inlined', () => {
    const operations = readOperations(document);
    expect(operations.map(({ id }) => id)).toEqual(['POST /items', 'GET /items/{id}', 'DELETE /items/{id}']);
    const [post, get, remove] = operations;
    expect(post?.body).toEqual({ contentType: 'application/json', required: true, schema: document.components.schemas.Item });
    expect(get?.responses.get(200)).toEqual(document.components.schemas.Item);
    expect([...(get?.responses.keys() ?? [])]).toEqual([200, 404]);
    expect(remove?.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]);
    expect(operations.map(({ secured }) => secured)).toEqual([false, false, true]);
  });
});

describe('hostile strings', () => {
  it('include what PostgreSQL cannot store and what no id can be', () => {
    expect(HOSTILE_STRINGS).toEqual(expect.arrayContaining(['\u0000', '\uD800', "' OR '1'='1", '../../../../etc/passwd']));
    expect(Math.max(...HOSTILE_STRINGS.map((value) => value.length))).toBeGreaterThan(1000);
  });

  it('replace one string of a nested value, or all of them', () => {
    const value = { a: 'x', b: [1, 'y'], c: { d: 'z' } };
    expect(replaceStrings(value, 1, '!')).toEqual({ value: { a: 'x', b: [1, '!'], c: { d: 'z' } }, path: 'b.1' });
    expect(replaceStrings(value, undefined, '!')).toEqual({ value: { a: '!', b: [1, '!'], c: { d: '!' } }, path: '*' });
    expect(replaceStrings(42, 0, '!')).toEqual({ value: 42, path: undefined });
  });
});
