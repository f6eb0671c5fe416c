import type { LightMyRequestResponse } from 'fastify';
import { z } from 'zod';
import type { JsonSchema, Operation } from './openapi-operations.js';
import type { InjectRequest } from './request-drafts.js';

/**
 * What every answer of the app must be, whatever it was sent (CONTRACT.md §1): a status the
 * operation documents and below 500; a 4xx where the request broke the contract; for an error, the
 * envelope { success: false, error: { code, message, details? } } with the code that goes with the
 * status; for a success with a documented JSON body, a body that matches its documented schema.
 */

const CODES_BY_STATUS: Record<number, readonly string[]> = {
  400: ['VALIDATION_ERROR'],
  401: ['UNAUTHORIZED', 'INVALID_CREDENTIALS', 'TOKEN_EXPIRED'],
  403: ['FORBIDDEN'],
  404: ['NOT_FOUND'],
  409: ['CONFLICT'],
  413: ['PAYLOAD_TOO_LARGE'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
  429: ['RATE_LIMITED', 'ACCOUNT_LOCKED'],
};

const errorEnvelope = z.strictObject({
  success: z.literal(false),
  error: z.strictObject({
    code: z.string(),
    message: z.string().min(1),
    details: z.array(z.strictObject({ field: z.string(), message: z.string() })).min(1).optional(),
  }),
});

// A stack frame or a driver's words in a message means internals leaked into the answer.
const LEAK = /\n\s+at |node_modules|\bSELECT\b.+\bFROM\b|syntax error at or near|duplicate key value/i;

type ZodJsonSchema = z.core.JSONSchema.JSONSchema;
const SCHEMA_TYPES = ['object', 'array', 'string', 'number', 'boolean', 'null', 'integer'] as const;
type SchemaType = (typeof SCHEMA_TYPES)[number];
const isSchemaType = (value: string): value is SchemaType => (SCHEMA_TYPES as readonly string[]).includes(value);
type Primitive = string | number | boolean | null;
const isPrimitive = (value: unknown): value is Primitive => value === null || ['string', 'number', 'boolean'].includes(typeof value);

const CHECKED_FORMATS = new Set(['uuid', 'date-time', 'date', 'email', 'uri']);

/** The same schema in the type zod's reader takes (the documents only ever hold these keywords). */
function toZodSchema(schema: JsonSchema): ZodJsonSchema {
  const { type, properties, items, additionalProperties, anyOf, oneOf, allOf, enum: values, const: constant, ...rest } = schema;
  const out: ZodJsonSchema = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) out[key] = value;
  // zod's reader takes uri-reference for an absolute URL; a relative one (/api/v1/files/…) is one too.
  if (rest.format !== undefined && !CHECKED_FORMATS.has(rest.format)) delete out.format;
  if (Array.isArray(type)) out.type = type.filter(isSchemaType);
  else if (type !== undefined && isSchemaType(type)) out.type = type;
  if (properties) out.properties = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, toZodSchema(child)]));
  if (items) out.items = toZodSchema(items);
  if (additionalProperties !== undefined) out.additionalProperties = typeof additionalProperties === 'boolean' ? additionalProperties : toZodSchema(additionalProperties);
  if (anyOf) out.anyOf = anyOf.map(toZodSchema);
  if (oneOf) out.oneOf = oneOf.map(toZodSchema);
  if (allOf) out.allOf = allOf.map(toZodSchema);
  if (values) out.enum = values.filter(isPrimitive);
  if (isPrimitive(constant)) out.const = constant;
  return out;
}

const readers = new WeakMap<JsonSchema, z.ZodType>();

/** zod's reading of a JSON Schema (z.fromJSONSchema), built once per schema. */
export function validatorFor(schema: JsonSchema): z.ZodType {
  let reader = readers.get(schema);
  if (reader === undefined) {
    reader = z.fromJSONSchema(toZodSchema(schema));
    readers.set(schema, reader);
  }
  return reader;
}

function parseJson(response: LightMyRequestResponse): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(response.body) };
  } catch {
    return { ok: false };
  }
}

/** Everything wrong with `response` as an answer to a request of `operation` (none: []). */
export function responseProblems(operation: Operation, response: LightMyRequestResponse, mustFail: boolean): string[] {
  const problems: string[] = [];
  const status = response.statusCode;
  const documented = [...operation.responses.keys()];
  if (status >= 500) problems.push(`${status} is a server error`);
  else if (status === 429) problems.push('429: the rate limit was reached; the test raises the limits, so something counts wrongly');
  if (!operation.responses.has(status)) problems.push(`${status} is not a documented status (${documented.join(', ')})`);
  if (mustFail && status < 400) problems.push(`${status} for a request that breaks the contract: a 4xx was due`);
  if (response.headers['x-request-id'] === undefined) problems.push('no x-request-id header');
  const isJson = String(response.headers['content-type'] ?? '').startsWith('application/json');
  if (status >= 400) {
    const body = isJson ? parseJson(response) : { ok: false as const };
    const envelope = body.ok ? errorEnvelope.safeParse(body.value) : undefined;
    if (envelope === undefined || !envelope.success) problems.push('the body is not the error envelope { success: false, error: { code, message, details? } }');
    else {
      const { code, message } = envelope.data.error;
      const expected = CODES_BY_STATUS[status];
      if (expected !== undefined && !expected.includes(code)) problems.push(`error code ${code} does not go with ${status} (${expected.join(' or ')})`);
      if (LEAK.test(message)) problems.push('the error message shows internals (a stack, a path or SQL)');
    }
  } else if (status >= 200 && status < 300 && status !== 204) {
    const schema = operation.responses.get(status);
    if (schema !== undefined) {
      const body = isJson ? parseJson(response) : { ok: false as const };
      const checked = body.ok ? validatorFor(schema).safeParse(body.value) : undefined;
      if (checked === undefined) problems.push(`a ${status} without the documented JSON body`);
      else if (!checked.success) problems.push(`the ${status} body does not match its documented schema: ${z.prettifyError(checked.error).slice(0, 600)}`);
    }
  }
  return problems;
}

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text);

function describePayload(payload: InjectRequest['payload']): string {
  if (payload === undefined) return '(no body)';
  return typeof payload === 'string' ? clip(payload, 500) : clip(JSON.stringify(payload.toString('latin1')), 500);
}

/** A failure as a person reads it: the operation, what was changed, the request, the answer, what is wrong. */
export function describeFailure(
  operation: Operation,
  reason: string,
  request: InjectRequest,
  response: LightMyRequestResponse,
  problems: string[],
): string {
  const { authorization: _authorization, cookie: _cookie, ...headers } = request.headers;
  return [
    `${operation.id} (${reason})`,
    `  request:  ${request.method.toUpperCase()} ${clip(request.url, 300)}`,
    `            headers ${clip(JSON.stringify(headers), 300)}`,
    `            body ${describePayload(request.payload)}`,
    `  response: ${response.statusCode} ${clip(response.body, 800)}`,
    ...problems.map((problem) => `  wrong:    ${problem}`),
  ].join('\n');
}
