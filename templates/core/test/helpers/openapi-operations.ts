import { z } from 'zod';

/**
 * The operations an OpenAPI 3.1 document describes, read from the document the app serves, in the
 * form the property-based tests (test/integration/hostile-input.test.ts) generate requests from.
 * Only the part of JSON Schema that documents generated from zod use is typed; `$ref`s into
 * components are inlined, so every schema here stands on its own.
 */

export interface JsonSchema {
  type?: string | string[] | undefined;
  properties?: Record<string, JsonSchema> | undefined;
  required?: string[] | undefined;
  additionalProperties?: boolean | JsonSchema | undefined;
  items?: JsonSchema | undefined;
  minItems?: number | undefined;
  maxItems?: number | undefined;
  uniqueItems?: boolean | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  pattern?: string | undefined;
  format?: string | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  exclusiveMinimum?: number | undefined;
  exclusiveMaximum?: number | undefined;
  enum?: unknown[] | undefined;
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[] | undefined;
  oneOf?: JsonSchema[] | undefined;
  allOf?: JsonSchema[] | undefined;
  nullable?: boolean | undefined;
  $ref?: string | undefined;
}

const jsonSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z.looseObject({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    properties: z.record(z.string(), jsonSchema).optional(),
    required: z.array(z.string()).optional(),
    additionalProperties: z.union([z.boolean(), jsonSchema]).optional(),
    items: jsonSchema.optional(),
    minItems: z.number().optional(),
    maxItems: z.number().optional(),
    uniqueItems: z.boolean().optional(),
    minLength: z.number().optional(),
    maxLength: z.number().optional(),
    pattern: z.string().optional(),
    format: z.string().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    exclusiveMinimum: z.number().optional(),
    exclusiveMaximum: z.number().optional(),
    enum: z.array(z.unknown()).optional(),
    anyOf: z.array(jsonSchema).optional(),
    oneOf: z.array(jsonSchema).optional(),
    allOf: z.array(jsonSchema).optional(),
    nullable: z.boolean().optional(),
    $ref: z.string().optional(),
  }),
);

const mediaTypes = z.record(z.string(), z.looseObject({ schema: jsonSchema.optional() }));

const operationSchema = z.looseObject({
  operationId: z.string().optional(),
  parameters: z
    .array(z.looseObject({ name: z.string(), in: z.string(), required: z.boolean().optional(), schema: jsonSchema.optional() }))
    .optional(),
  requestBody: z.looseObject({ required: z.boolean().optional(), content: mediaTypes }).optional(),
  responses: z.record(z.string(), z.looseObject({ content: mediaTypes.optional() })),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
});

const documentSchema = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  components: z.looseObject({ schemas: z.record(z.string(), jsonSchema).optional() }).optional(),
});

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface RequestBody {
  contentType: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** "POST /api/v1/users", as failures name it. */
  id: string;
  method: HttpMethod;
  /** The templated path: /api/v1/users/{id}. */
  path: string;
  parameters: Parameter[];
  body: RequestBody | undefined;
  /** Every documented status, with the JSON schema of its body where it has one. */
  responses: Map<number, JsonSchema | undefined>;
  /** Whether the operation names a security scheme: valid requests then carry credentials. */
  secured: boolean;
}

/** Replaces every `#/components/schemas/…` reference with the schema it names (cycles stop at `{}`). */
export function inlineRefs(schema: JsonSchema, components: Record<string, JsonSchema>, seen: string[] = []): JsonSchema {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (target === undefined || seen.includes(name)) return {};
    return inlineRefs(target, components, [...seen, name]);
  }
  const inline = (child: JsonSchema) => inlineRefs(child, components, seen);
  const result: JsonSchema = { ...schema };
  if (schema.properties) result.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, child]) => [key, inline(child)]));
  if (schema.items) result.items = inline(schema.items);
  if (typeof schema.additionalProperties === 'object') result.additionalProperties = inline(schema.additionalProperties);
  if (schema.anyOf) result.anyOf = schema.anyOf.map(inline);
  if (schema.oneOf) result.oneOf = schema.oneOf.map(inline);
  if (schema.allOf) result.allOf = schema.allOf.map(inline);
  return result;
}

const isParameterLocation = (value: string): value is Parameter['in'] => value === 'path' || value === 'query' || value === 'header';
const isMethod = (value: string): value is HttpMethod => (HTTP_METHODS as readonly string[]).includes(value);

// Creations first (their ids feed the operations on one resource), removals last.
const METHOD_ORDER: Record<HttpMethod, number> = { post: 0, get: 1, put: 2, patch: 3, delete: 4 };

/** Every operation of `document` (the parsed /docs/openapi.json), creations first and removals last. */
export function readOperations(document: unknown): Operation[] {
  const doc = documentSchema.parse(document);
  const components = doc.components?.schemas ?? {};
  const inline = (schema: JsonSchema | undefined) => inlineRefs(schema ?? {}, components);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!isMethod(method)) continue;
      const operation = operationSchema.parse(raw);
      const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      const responses = new Map<number, JsonSchema | undefined>();
      for (const [status, response] of Object.entries(operation.responses)) {
        const json = response.content?.['application/json']?.schema;
        responses.set(Number(status), json === undefined ? undefined : inline(json));
      }
      const security = operation.security ?? doc.security ?? [];
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method,
        path,
        parameters: (operation.parameters ?? []).flatMap((parameter) =>
          isParameterLocation(parameter.in)
            ? [{ name: parameter.name, in: parameter.in, required: parameter.required ?? parameter.in === 'path', schema: inline(parameter.schema) }]
            : [],
        ),
        body:
          contentType === undefined
            ? undefined
            : { contentType, required: operation.requestBody?.required ?? false, schema: inline(media?.schema) },
        responses,
        // An empty requirement ({}) is an alternative that needs nothing: credentials are then optional.
        secured: security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0),
      });
    }
  }
  return operations.sort((a, b) => METHOD_ORDER[a.method] - METHOD_ORDER[b.method] || a.path.localeCompare(b.path));
}
