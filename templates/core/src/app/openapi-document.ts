/**
 * Finishing touches on the OpenAPI document, applied once to the whole of it after every route's zod
 * schemas are converted (src/app/docs.ts): what holds for many operations at once, said in one place
 * instead of in every route. Each step only adds what an operation does not already declare.
 */

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

const wholeNumber = { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 };

/**
 * What @fastify/rate-limit sets on every response of a limited route (src/plugins/rate-limit.ts), and
 * on its 429s the wait. The limiter runs before anything else of the route, so errors carry them too.
 */
export const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': { description: 'Requests allowed per window on this route', schema: wholeNumber },
  'X-RateLimit-Remaining': { description: 'Requests left in the current window', schema: wholeNumber },
  'X-RateLimit-Reset': { description: 'Seconds until the current window ends', schema: wholeNumber },
} as const;
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: wholeNumber } } as const;

/** What every response carries: the request id (src/middleware/request-id.ts) and CORS (src/plugins/cors.ts). */
export const COMMON_HEADERS = {
  'X-Request-Id': {
    description: "The request's id, also in every log line of it: the caller's x-request-id when acceptable, else a new UUID",
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$', maxLength: 128 },
  },
  'Access-Control-Allow-Origin': {
    description: "Present when the request's Origin is one of CORS_ORIGINS",
    schema: { type: 'string', maxLength: 2048 },
  },
} as const;

interface Operation {
  path: string;
  method: string;
  operation: JsonObject;
}

function* operations(document: JsonObject): Generator<Operation> {
  if (!isObject(document.paths)) return;
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (HTTP_METHODS.has(method) && isObject(operation)) yield { path, method, operation };
    }
  }
}

const headerRefs = (headers: object) =>
  Object.fromEntries(Object.keys(headers).map((name) => [name, { $ref: `#/components/headers/${name}` }]));

/**
 * The headers of every response; and the rate-limit plugin documents a 429 on exactly the routes it
 * limits, whose responses also get its headers (health probes and docs are exempt: no 429, no headers).
 */
function documentResponseHeaders(document: JsonObject): void {
  for (const { operation } of operations(document)) {
    const responses = operation.responses;
    if (!isObject(responses)) continue;
    const limited = '429' in responses;
    for (const [status, response] of Object.entries(responses)) {
      if (!isObject(response)) continue;
      const headers = { ...COMMON_HEADERS, ...(limited ? RATE_LIMIT_HEADERS : {}), ...(status === '429' ? RETRY_AFTER : {}) };
      response.headers = { ...headerRefs(headers), ...(isObject(response.headers) ? response.headers : {}) };
    }
  }
  const components = isObject(document.components) ? document.components : {};
  const headers = isObject(components.headers) ? components.headers : {};
  document.components = { ...components, headers: { ...headers, ...COMMON_HEADERS, ...RATE_LIMIT_HEADERS, ...RETRY_AFTER } };
}

/**
 * Routes guarded by secured() (src/middleware/access.ts) name their scheme; every other route is public
 * (login, register, health probes; every route without an auth mode). OpenAPI's empty requirement
 * `{}` says so explicitly, rather than leaving readers and tools to guess.
 */
function declareAnonymousAccess(document: JsonObject): void {
  for (const { operation } of operations(document)) {
    if (operation.security === undefined) operation.security = [{}];
  }
}

/** `GET /api/v1/users/{id}` → `getUsersById`: stable names for client generators, unique by construction. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v\d+(?=\/)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment)?.[1];
      return parameter === undefined ? segment.split(/[^a-zA-Z0-9]+/) : ['by', ...parameter.split(/[^a-zA-Z0-9]+/)];
    })
    .filter(Boolean);
  return [method, ...words.map((word) => word.charAt(0).toUpperCase() + word.slice(1))].join('');
}

function nameOperations(document: JsonObject): void {
  for (const { path, method, operation } of operations(document)) {
    if (operation.operationId === undefined) operation.operationId = operationIdOf(method, path);
  }
}

/**
 * Every schema with an id becomes a component twice, for requests and for responses (`User`,
 * `UserInput`); drops those nothing refers to, directly or through another component.
 */
function dropUnusedSchemas(document: JsonObject): void {
  const components = document.components;
  if (!isObject(components) || !isObject(components.schemas)) return;
  const schemas = components.schemas;
  const refsIn = (value: unknown) => new Set([...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
  const used = refsIn({ ...document, components: { ...components, schemas: {} } });
  const pending = [...used];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const ref of refsIn(schemas[name])) {
      if (ref !== undefined && !used.has(ref)) {
        used.add(ref);
        pending.push(ref);
      }
    }
  }
  components.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
}

/** Applies every step above to a generated document, in place, and returns it. */
export function finishOpenApiDocument<T>(document: T): T {
  if (!isObject(document)) return document;
  documentResponseHeaders(document);
  declareAnonymousAccess(document);
  nameOperations(document);
  dropUnusedSchemas(document);
  return document;
}
