import fc from 'fast-check';
import type { HttpMethod, JsonSchema, Operation } from './openapi-operations.js';
import { valueArbitrary } from './schema-arbitrary.js';

/**
 * Requests to one operation, generated from its documented schemas: the draft says what goes where
 * (and why, for the broken ones); `toInject` turns it into app.inject() options. Drafts hold no
 * operation, so a failure report prints only the request.
 */

export interface FormPart {
  name: string;
  filename?: string | undefined;
  contentType?: string | undefined;
  content: Buffer | string;
}

export type DraftBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; payload: string | Buffer; contentType: string | undefined }
  | { kind: 'multipart'; parts: FormPart[]; boundary?: string | undefined; contentType?: string | undefined };

export interface RequestDraft {
  /** What was broken or made hostile, for the failure report ("valid" for valid requests). */
  reason: string;
  /** The request breaks the documented contract: only a 4xx is a right answer. */
  mustFail: boolean;
  /** Path parameter values, percent-encoded when the request is built... */
  path: Record<string, string>;
  /** ...except these, which go into the path exactly as they are (malformed escapes, raw slashes). */
  rawPath: string[];
  query: [string, string][];
  headers: Record<string, string>;
  body: DraftBody | undefined;
  /** Sent without the test caller's credentials (or with `headers`' own forged ones). */
  anonymous: boolean;
  /**
   * When set, the first path parameter is replaced by an id the app created earlier (picked by this
   * number), so that requests reach an existing resource and not only 404; drafts that break the path
   * leave it unset.
   */
  knownPick: number | undefined;
}

/** Text for a parameter: parameters travel as strings. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function textArbitrary(schema: JsonSchema, name: string): fc.Arbitrary<string> {
  return valueArbitrary(schema, name).map(asText);
}

function queryArbitrary(operation: Operation): fc.Arbitrary<[string, string][]> {
  const entries = operation.parameters
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) => {
      const value = textArbitrary(parameter.schema, parameter.name).map((text): [string, string] => [parameter.name, text]);
      // Optional parameters are mostly left out, as clients do: each one sent is one more way to be refused.
      const sent = value.map((entry) => [entry]);
      return parameter.required ? sent : fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: sent });
    });
  return fc.tuple(...entries).map((lists) => lists.flat());
}

function recordArbitrary(operation: Operation, location: 'path' | 'header'): fc.Arbitrary<Record<string, string>> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  const required: string[] = [];
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === location)) {
    model[parameter.name] = textArbitrary(parameter.schema, parameter.name);
    if (parameter.required) required.push(parameter.name);
  }
  return fc.record(model, { requiredKeys: required, noNullPrototype: true }).map((record) => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
    return out;
  });
}

// Neutral names and types: a server may refuse a name or declared type that contradicts the content
// (a PDF sent as photo.png), which valid requests should not do by accident. Hostile ones do it on purpose.
const filenameArbitrary = fc.stringMatching(/^[\w-]{1,40}$/);
const declaredTypeArbitrary = fc.constantFrom(undefined, 'application/octet-stream');

/** The parts of a multipart body: binary properties become file parts, the rest text fields. */
export function multipartPartsArbitrary(schema: JsonSchema): fc.Arbitrary<FormPart[]> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const parts = properties.map(([name, property]) => {
    const part: fc.Arbitrary<FormPart> =
      property.format === 'binary'
        ? fc
            .tuple(valueArbitrary(property, name), filenameArbitrary, declaredTypeArbitrary)
            .map(([content, filename, contentType]) => ({ name, filename, contentType, content: Buffer.isBuffer(content) ? content : asText(content) }))
        : textArbitrary(property, name).map((content) => ({ name, content }));
    return required.has(name) ? part.map((one) => [one]) : fc.option(part, { nil: undefined }).map((one) => (one ? [one] : []));
  });
  return fc.tuple(...parts).map((lists) => lists.flat());
}

export function bodyArbitrary(operation: Operation): fc.Arbitrary<DraftBody | undefined> {
  const body = operation.body;
  if (body === undefined) return fc.constant(undefined);
  if (body.contentType.startsWith('multipart/')) return multipartPartsArbitrary(body.schema).map((parts) => ({ kind: 'multipart', parts }));
  if (body.contentType.includes('json')) return valueArbitrary(body.schema).map((value) => ({ kind: 'json', value }));
  return fc.string().map((payload) => ({ kind: 'raw', payload, contentType: body.contentType }));
}

/** Requests the documentation says are valid. */
export function validDraftArbitrary(operation: Operation): fc.Arbitrary<RequestDraft> {
  return fc
    .record({
      path: recordArbitrary(operation, 'path'),
      query: queryArbitrary(operation),
      headers: recordArbitrary(operation, 'header'),
      body: bodyArbitrary(operation),
      knownPick: fc.option(fc.nat(), { nil: undefined, freq: 4 }),
    })
    .map((parts) => ({ ...parts, reason: 'valid', mustFail: false, rawPath: [], anonymous: false }));
}

/** The collection an operation's first path parameter names an item of: /api/v1/users for /api/v1/users/{id}. */
export function collectionOf(path: string): string | undefined {
  const index = path.indexOf('/{');
  return index === -1 ? undefined : path.slice(0, index);
}

export function multipartPayload(parts: FormPart[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const headers = [`content-disposition: ${disposition}`, ...(part.contentType === undefined ? [] : [`content-type: ${part.contentType}`])];
    chunks.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** encodeURIComponent, except that lone surrogates (which it refuses) go as the bytes Node would send. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
}

/** app.inject() options, as drafts make them. */
export interface InjectRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** The request a draft describes; `knownIds` are ids the app created in the draft's collection. */
export function toInject(operation: Operation, draft: RequestDraft, knownIds: readonly string[]): InjectRequest {
  const path = { ...draft.path };
  const first = operation.parameters.find((parameter) => parameter.in === 'path');
  const known = draft.knownPick === undefined ? undefined : knownIds[draft.knownPick % Math.max(knownIds.length, 1)];
  if (first && known !== undefined && !draft.rawPath.includes(first.name)) path[first.name] = known;
  const url = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = path[name] ?? '';
    return draft.rawPath.includes(name) ? value : encode(value);
  });
  const query = draft.query.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
  const headers: Record<string, string> = { ...draft.headers };
  let payload: string | Buffer | undefined;
  const body = draft.body;
  if (body?.kind === 'json') {
    headers['content-type'] ??= 'application/json';
    payload = JSON.stringify(body.value);
  } else if (body?.kind === 'raw') {
    if (body.contentType !== undefined) headers['content-type'] = body.contentType;
    payload = body.payload;
  } else if (body?.kind === 'multipart') {
    const boundary = body.boundary ?? '----hostile-input-boundary';
    headers['content-type'] = body.contentType ?? `multipart/form-data; boundary=${boundary}`;
    payload = multipartPayload(body.parts, boundary);
  }
  return { method: operation.method, url: query === '' ? url : `${url}?${query}`, headers, ...(payload === undefined ? {} : { payload }) };
}
