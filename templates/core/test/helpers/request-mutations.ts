import fc from 'fast-check';
import { hostileStringArbitrary, replaceStrings } from './hostile-strings.js';
import type { Operation } from './openapi-operations.js';
import { type DraftBody, type FormPart, multipartPartsArbitrary, type RequestDraft, validDraftArbitrary } from './request-drafts.js';
import { binaryArbitrary } from './schema-arbitrary.js';
import { invalidArbitrary, invalidTextArbitrary } from './schema-violations.js';

/**
 * Broken and hostile requests to one operation: a valid request (request-drafts.ts) with one thing
 * changed. "Invalid" drafts break the documented contract (a parameter or body field off its schema,
 * a missing body, malformed JSON, a wrong content-type, a body over the limit, no credentials), so
 * only a 4xx answers them rightly. "Hostile" drafts put attack strings, odd encodings and broken
 * framing where values go; some of those are valid, so they must merely get a documented status < 500.
 */

type Change = (draft: RequestDraft) => RequestDraft;
type Weighted = { weight: number; arbitrary: fc.Arbitrary<Change> };

const change = (weight: number, arbitrary: fc.Arbitrary<Change>): Weighted => ({ weight, arbitrary });
const always = (weight: number, fn: Change): Weighted => change(weight, fc.constant(fn));

const MALFORMED_JSON = ['{', '{"a":', '{"a":1}}', "{'single':'quotes'}", '[1,]', 'nul', '{"a":01}', '\u0000', '{"a":"\\x41"}', '"unterminated'];

/** Requests that break the contract in exactly one way; undefined when the operation takes nothing to break. */
export function invalidDraftArbitrary(operation: Operation, limits: { bodyLimit: number }): fc.Arbitrary<RequestDraft> | undefined {
  const changes: Weighted[] = [];
  for (const parameter of operation.parameters) {
    const label = `${parameter.in} parameter ${parameter.name}`;
    // An empty path segment routes elsewhere (to the collection), so it is not a bad value of this one.
    const bad = invalidTextArbitrary(parameter.schema, label)?.filter(({ value }) => parameter.in !== 'path' || value !== '');
    if (bad) {
      changes.push(change(3, bad.map(({ value, reason }): Change => (draft) => withParameter(draft, parameter.in, parameter.name, asString(value), reason))));
    }
    if (parameter.required && parameter.in !== 'path') {
      changes.push(always(1, (draft) => withParameter(draft, parameter.in, parameter.name, undefined, `${label}: required, missing`)));
    }
  }
  const body = operation.body;
  if (body?.contentType.includes('json')) {
    const bad = invalidArbitrary(body.schema, 'body');
    if (bad) changes.push(change(6, bad.map(({ value, reason }): Change => (draft) => ({ ...draft, body: { kind: 'json', value }, reason, mustFail: true }))));
    changes.push(change(2, fc.constantFrom(...MALFORMED_JSON).map((payload): Change => (draft) => withBody(draft, { kind: 'raw', payload, contentType: 'application/json' }, `malformed JSON: ${payload}`))));
  }
  if (body?.contentType.startsWith('multipart/')) {
    const fieldsOnly = fc.constantFrom<FormPart[]>([], [{ name: 'note', content: 'no file here' }]);
    changes.push(change(2, fieldsOnly.map((parts): Change => (draft) => withBody(draft, { kind: 'multipart', parts }, 'multipart without the file part'))));
    changes.push(always(1, (draft) => withBody(draft, { kind: 'raw', payload: '{"file":"not a file"}', contentType: 'application/json' }, 'JSON where multipart is expected')));
  }
  if (body !== undefined) {
    const wrongType = fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'image/png');
    changes.push(change(2, wrongType.map((contentType): Change => (draft) => withBody(draft, { kind: 'raw', payload: 'a=1&b=<x/>', contentType }, `content-type ${contentType}`))));
    const oversize = { kind: 'raw', payload: JSON.stringify({ padding: 'x'.repeat(limits.bodyLimit) }), contentType: body.contentType.includes('json') ? 'application/json' : body.contentType } as const;
    changes.push(always(1, (draft) => withBody(draft, oversize, `a body over BODY_LIMIT_BYTES (${limits.bodyLimit})`)));
    if (body.required) changes.push(always(1, (draft) => withBody(draft, undefined, 'no body, though one is required')));
  }
  if (operation.secured) {
    changes.push(always(2, (draft) => ({ ...draft, anonymous: true, reason: 'no credentials', mustFail: true })));
    const forged = fc.oneof(hostileStringArbitrary.filter(isHeaderSafe), fc.constantFrom('not-a-token', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'));
    changes.push(change(2, forged.map((token): Change => (draft) => ({ ...draft, anonymous: true, headers: { ...draft.headers, authorization: `Bearer ${token}` }, reason: 'forged bearer credentials', mustFail: true }))));
  }
  return changes.length === 0 ? undefined : applyOne(operation, changes);
}

/** Raw path segments: broken escapes, encoded traversal, an overlong id, encoded NUL and surrogates. */
export const RAW_SEGMENTS = ['%', '%zz', '%00', '%E0%A4%A', '%ED%A0%80', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '..', '.', 'f'.repeat(5_000), '%F0%9F%92%A9', 'a%20b%0D%0Ainjected:1'];

/** Header values that a client can send (printable Latin-1), hostile in content. */
const isHeaderSafe = (value: string) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value) && value.trim() === value;

const HOSTILE_QUERY: [string, string][][] = [
  [['__proto__', 'x']],
  [['constructor[prototype][isAdmin]', 'true']],
  [['limit', '1'], ['limit', '2']],
  [['a[]', '1']],
  [['', 'empty-key']],
  [['x'.repeat(2_000), 'long-key']],
];

/** Requests with attack strings, odd encodings and broken framing where values go. */
export function hostileDraftArbitrary(operation: Operation): fc.Arbitrary<RequestDraft> {
  const changes: Weighted[] = [];
  for (const parameter of operation.parameters) {
    const label = `${parameter.in} parameter ${parameter.name}`;
    const strings = parameter.in === 'header' ? hostileStringArbitrary.filter(isHeaderSafe) : hostileStringArbitrary.filter((value) => parameter.in !== 'path' || value !== '');
    changes.push(change(3, strings.map((value): Change => (draft) => withParameter(draft, parameter.in, parameter.name, value, `${label}: hostile ${JSON.stringify(value.slice(0, 40))}`, false))));
    if (parameter.in === 'path') {
      changes.push(change(2, fc.constantFrom(...RAW_SEGMENTS).map((segment): Change => (draft) => ({ ...draft, path: { ...draft.path, [parameter.name]: segment }, rawPath: [...draft.rawPath, parameter.name], knownPick: undefined, reason: `raw path segment ${segment.slice(0, 40)}`, mustFail: false }))));
    }
  }
  changes.push(change(1, fc.constantFrom(...HOSTILE_QUERY).map((entries): Change => (draft) => ({ ...draft, query: [...draft.query, ...entries], reason: `query ${JSON.stringify(entries).slice(0, 80)}`, mustFail: false }))));
  const headerValue = hostileStringArbitrary.filter(isHeaderSafe);
  const headerName = fc.constantFrom('x-request-id', 'accept', 'accept-language', 'x-forwarded-for', 'origin', 'if-none-match', 'cookie');
  changes.push(change(1, fc.tuple(headerName, headerValue).map(([name, value]): Change => (draft) => ({ ...draft, headers: { ...draft.headers, [name]: value }, reason: `header ${name}: ${JSON.stringify(value.slice(0, 40))}`, mustFail: false }))));
  const body = operation.body;
  if (body?.contentType.includes('json')) {
    // One string field, or all of them at once (so that every field meets every string in few runs).
    const pick = fc.option(fc.nat(), { nil: undefined, freq: 2 });
    changes.push(change(5, fc.tuple(pick, hostileStringArbitrary).map(([which, value]): Change => (draft) => hostileJson(draft, which, value))));
    const raw = fc.constantFrom(`${'['.repeat(5_000)}${']'.repeat(5_000)}`, '{"__proto__":{"isAdmin":true}}', '{"a":1e309}', `{"a":"${'\\u0000'.repeat(100)}"}`, '\uFEFF{}', '{"a":1,"a":2}');
    changes.push(change(1, raw.map((payload): Change => (draft) => withBody(draft, { kind: 'raw', payload, contentType: 'application/json' }, `JSON ${payload.slice(0, 40)}`, false))));
    const charset = fc.constantFrom('application/json; charset=utf-16', 'application/json; charset=latin1', 'application/json;;', 'APPLICATION/JSON', 'application/vnd.api+json');
    changes.push(change(1, charset.map((contentType): Change => (draft) => ({ ...draft, headers: { ...draft.headers, 'content-type': contentType }, reason: `content-type ${contentType}`, mustFail: false }))));
  }
  if (body?.contentType.startsWith('multipart/')) changes.push(...hostileMultipart(body.schema));
  return applyOne(operation, changes);
}

function hostileMultipart(schema: Parameters<typeof multipartPartsArbitrary>[0]): Weighted[] {
  const parts = multipartPartsArbitrary(schema);
  const names = Object.keys(schema.properties ?? {});
  const fileName = names[0] ?? 'file';
  const filename = fc.oneof(hostileStringArbitrary.filter((value) => !/["\r\n]/.test(value)), fc.constantFrom('../../etc/passwd', '..\\..\\boot.ini', 'a"; name="other', 'évil\r\nContent-Type: text/html'));
  const withFilename = fc.tuple(parts, filename).map(([list, name]): Change => (draft) =>
    withBody(draft, { kind: 'multipart', parts: list.map((part) => (part.filename === undefined ? part : { ...part, filename: name })) }, `multipart filename ${JSON.stringify(name.slice(0, 40))}`, false),
  );
  const manyParts = fc.tuple(parts, fc.integer({ min: 2, max: 60 })).map(([list, count]): Change => (draft) =>
    withBody(draft, { kind: 'multipart', parts: Array.from({ length: count }, () => list).flat() }, `multipart with ${count} copies of each part`, false),
  );
  const badContentType = fc.tuple(binaryArbitrary, fc.constantFrom('text/html', 'image/svg+xml', 'application/x-msdownload', '../../x', '')).map(([content, contentType]): Change => (draft) =>
    withBody(draft, { kind: 'multipart', parts: [{ name: fileName, filename: 'x.png', contentType, content }] }, `multipart file part with content-type ${JSON.stringify(contentType)}`, false),
  );
  const garbage = fc.tuple(fc.uint8Array({ maxLength: 512 }), fc.constantFrom('multipart/form-data; boundary=----hostile-input-boundary', 'multipart/form-data', 'multipart/form-data; boundary=', `multipart/form-data; boundary=${'b'.repeat(300)}`, 'multipart/mixed; boundary=x')).map(([bytes, contentType]): Change => (draft) =>
    withBody(draft, { kind: 'raw', payload: Buffer.from(bytes), contentType }, `unframed bytes as ${contentType}`, false),
  );
  const truncated = parts.map((list): Change => (draft) => {
    const framed: DraftBody = { kind: 'multipart', parts: list, boundary: 'cut' };
    return withBody(draft, framed, 'multipart whose boundary parameter does not match its framing', false);
  });
  const noBoundaryHeader = parts.map((list): Change => (draft) => withBody(draft, { kind: 'multipart', parts: list, contentType: 'multipart/form-data; boundary=other' }, 'multipart framed with another boundary', false));
  return [change(2, withFilename), change(1, manyParts), change(2, badContentType), change(2, garbage), change(1, truncated), change(1, noBoundaryHeader)];
}

function hostileJson(draft: RequestDraft, pick: number | undefined, value: string): RequestDraft {
  const body = draft.body;
  if (body?.kind !== 'json') return withBody(draft, { kind: 'json', value }, `body ${JSON.stringify(value.slice(0, 40))}`, false);
  const replaced = replaceStrings(body.value, pick, value);
  const where = replaced.path === undefined ? 'body' : `body.${replaced.path}`;
  return { ...withBody(draft, { kind: 'json', value: replaced.path === undefined ? value : replaced.value }, '', false), reason: `${where}: hostile ${JSON.stringify(value.slice(0, 40))}` };
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function withParameter(draft: RequestDraft, location: string, name: string, value: string | undefined, reason: string, mustFail = true): RequestDraft {
  if (location === 'path') return { ...draft, path: { ...draft.path, [name]: value ?? '' }, knownPick: undefined, reason, mustFail };
  if (location === 'header') {
    const { [name]: _old, ...headers } = draft.headers;
    return { ...draft, headers: value === undefined ? headers : { ...headers, [name]: value }, reason, mustFail };
  }
  const query = draft.query.filter(([key]) => key !== name);
  return { ...draft, query: value === undefined ? query : [...query, [name, value]], reason, mustFail };
}

function withBody(draft: RequestDraft, body: DraftBody | undefined, reason: string, mustFail = true): RequestDraft {
  const { 'content-type': _dropped, ...headers } = draft.headers;
  return { ...draft, headers, body, reason, mustFail };
}

function applyOne(operation: Operation, changes: Weighted[]): fc.Arbitrary<RequestDraft> {
  return fc.tuple(validDraftArbitrary(operation), fc.oneof(...changes)).map(([draft, apply]) => apply(draft));
}
