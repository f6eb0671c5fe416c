import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createAdminCaller } from '../helpers/admin-caller.js';
import type { Client } from '../helpers/auth.js';
import { hostileExamples } from '../helpers/hostile-examples.js';
import { readOperations, type Operation } from '../helpers/openapi-operations.js';
import { collectionOf, type RequestDraft, toInject, validDraftArbitrary } from '../helpers/request-drafts.js';
import { hostileDraftArbitrary, invalidDraftArbitrary } from '../helpers/request-mutations.js';
import { describeFailure, responseProblems, validatorFor } from '../helpers/response-check.js';
import { valueArbitrary } from '../helpers/schema-arbitrary.js';
import { invalidArbitrary } from '../helpers/schema-violations.js';

/**
 * Property-based test of the whole HTTP surface, generated from the app's own OpenAPI document: for
 * every documented operation, requests built from its schemas (path, query, headers, body), then the
 * same requests broken in one way, then made hostile. Valid requests must get a documented status
 * below 500; invalid ones a documented 4xx with the error envelope; hostile ones a documented status
 * below 500 (CONTRACT.md §1). A failure names the operation, the request and the answer, and the seed
 * that replays it: HOSTILE_INPUT_SEED=<seed> npx vitest run test/integration/hostile-input.test.ts.
 */

const SEED = Number(process.env.HOSTILE_INPUT_SEED ?? 20_251_125);
const RUNS = Number(process.env.HOSTILE_INPUT_RUNS ?? 25);

// Small limits, so that the bodies that exceed them cost nothing to send.
const BODY_LIMIT = 16 * 1024;
const UPLOAD_DIR = join(tmpdir(), `hostile-input-uploads-${process.pid}`);

const ctx = useTestApp({
  env: {
    BODY_LIMIT_BYTES: String(BODY_LIMIT),
    // Where the project has these features; other projects ignore the variables.
    UPLOAD_MAX_BYTES: String(BODY_LIMIT),
    UPLOAD_DIR,
    // Hundreds of requests from one caller: rate limits and lockouts would answer 429 to most of them.
    AUTH_RATE_LIMIT_MAX: '1000000',
    LOGIN_MAX_ATTEMPTS: '1000',
    // Generated webhook URLs point at 127.0.0.1:1 (schema-arbitrary.ts): accepted, and refused at once
    // when a delivery tries them. Retries wait as in production, so that each user change costs one
    // attempt per subscription during the test, not five.
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    WEBHOOK_TIMEOUT_MS: '1000',
    JOBS_BACKOFF_SCALE: '1',
  },
});

let operations: Operation[] = [];

beforeAll(async () => {
  const response = await ctx.app.inject({ url: '/docs/openapi.json' });
  operations = readOperations(response.json());
});

afterAll(async () => {
  await rm(UPLOAD_DIR, { recursive: true, force: true });
});

/** Operations that answered at least one request with a 2xx in the current test. */
const succeeded = new Set<string>();

/** Ids of what requests created, by collection path, so that later requests can name them. */
const created = new Map<string, string[]>();

function remember(operation: Operation, response: LightMyRequestResponse): void {
  if (operation.method !== 'post' || operation.path.includes('{') || response.statusCode !== 201) return;
  const body: unknown = JSON.parse(response.body);
  const id = typeof body === 'object' && body !== null && 'data' in body ? idOf(body.data) : undefined;
  if (id !== undefined) created.set(operation.path, [...(created.get(operation.path) ?? []), id]);
}

const idOf = (data: unknown): string | undefined =>
  typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string' ? data.id : undefined;

/** Each operation draws its own values: with one seed for all, every POST would send the same emails. */
const seedFor = (operation: Operation) => [...operation.id].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) | 0, SEED);

/** Runs `arbitrary`'s requests against the app; the failure report, or undefined when every answer was right. */
async function check(operation: Operation, caller: Client, arbitrary: fc.Arbitrary<RequestDraft>, examples: RequestDraft[]): Promise<string | undefined> {
  const anonymous: Client = { inject: (options) => ctx.app.inject(options) };
  let failure: string | undefined;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (draft) => {
      const request = toInject(operation, draft, created.get(collectionOf(operation.path) ?? '') ?? []);
      const response = await (draft.anonymous ? anonymous : caller).inject(request);
      remember(operation, response);
      if (response.statusCode < 300) succeeded.add(operation.id);
      const problems = responseProblems(operation, response, draft.mustFail);
      // fast-check shrinks towards the simplest failing request: the last report is the one to read.
      if (problems.length > 0) failure = describeFailure(operation, draft.reason, request, response, problems);
      return problems.length === 0;
    }),
    // Examples run first and count as runs: RUNS random requests come after them.
    { seed: seedFor(operation), numRuns: RUNS + examples.length, examples: examples.map((example): [RequestDraft] => [example]) },
  );
  if (!details.failed) return undefined;
  const replay = `  replay:   HOSTILE_INPUT_SEED=${SEED} (this operation's seed ${details.seed}; shrunk ${details.numShrinks} times)`;
  return `${failure ?? fc.defaultReportMessage(details)}\n${replay}`;
}

async function checkEvery(
  build: (operation: Operation) => fc.Arbitrary<RequestDraft> | undefined,
  examples: (operation: Operation) => RequestDraft[] = () => [],
): Promise<string[]> {
  created.clear();
  succeeded.clear();
  // Made anew for each test: the database is emptied before each.
  const caller = await createAdminCaller(ctx);
  const failures: string[] = [];
  for (const operation of operations) {
    const arbitrary = build(operation);
    if (arbitrary === undefined) continue;
    const failure = await check(operation, caller, arbitrary, examples(operation));
    if (failure !== undefined) failures.push(failure);
  }
  return failures;
}

describe('every documented operation, driven from its own schemas', () => {
  it('reads the operations from the served OpenAPI document', () => {
    expect(operations.map(({ id }) => id)).toEqual(expect.arrayContaining(['GET /health/live', 'GET /api/v1/users', 'POST /api/v1/users']));
  });

  it("generates from each documented body and parameter schema what zod's reading of it accepts, and breaks it", () => {
    for (const operation of operations) {
      const schemas = [...operation.parameters.map(({ schema }) => schema), ...(operation.body?.contentType.includes('json') ? [operation.body.schema] : [])];
      for (const schema of schemas) {
        const reader = validatorFor(schema);
        const accepted = (value: unknown) => reader.safeParse(value).success;
        fc.assert(fc.property(valueArbitrary(schema), accepted), { seed: SEED, numRuns: 20 });
        const invalid = invalidArbitrary(schema);
        if (invalid) fc.assert(fc.property(invalid, ({ value }) => !accepted(value)), { seed: SEED, numRuns: 20 });
      }
    }
  });

  it('answers valid requests with a documented status below 500', async () => {
    const failures = await checkEvery(validDraftArbitrary);
    if (failures.length > 0) expect.fail(`${failures.length} operation(s) answered wrongly:\n\n${failures.join('\n\n')}`);
    // Requests that only ever fail validation would prove little. Not every operation can succeed on
    // random data (a password reset needs a token from an email), but most must.
    const neverSucceeded = operations.filter(({ id }) => !succeeded.has(id)).map(({ id }) => id);
    expect(neverSucceeded.length, `no 2xx for ${neverSucceeded.join(', ')}`).toBeLessThanOrEqual(operations.length / 2);
  }, 120_000);

  it('refuses invalid requests with a documented 4xx and the error envelope', async () => {
    const failures = await checkEvery((operation) => invalidDraftArbitrary(operation, { bodyLimit: BODY_LIMIT }));
    if (failures.length > 0) expect.fail(`${failures.length} operation(s) answered wrongly:\n\n${failures.join('\n\n')}`);
  }, 120_000);

  it('answers hostile input with a documented status below 500', async () => {
    const failures = await checkEvery(hostileDraftArbitrary, (operation) => hostileExamples(operation, seedFor(operation)));
    if (failures.length > 0) expect.fail(`${failures.length} operation(s) answered wrongly:\n\n${failures.join('\n\n')}`);
  }, 120_000);
});
