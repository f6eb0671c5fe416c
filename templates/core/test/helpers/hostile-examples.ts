import fc from 'fast-check';
import { replaceStrings } from './hostile-strings.js';
import type { Operation } from './openapi-operations.js';
import { RAW_SEGMENTS } from './request-mutations.js';
import { type RequestDraft, validDraftArbitrary } from './request-drafts.js';

/**
 * The hostile requests every run sends before the random ones, so that the most common ways to
 * crash a server are tried on every field of every operation, not left to chance: NUL, a lone
 * surrogate and an SQL-breaking quote in each parameter and in each string of the body (one at a
 * time, the rest valid), each raw path segment (broken escapes, an id far over the router's length
 * limit), and a NUL in an uploaded file's name.
 */

const NUL = 'a\u0000b';
const SURROGATE = 'x\uD800y';
const INJECTION = "it's'; DROP TABLE users; --";
const STRINGS = [NUL, SURROGATE, INJECTION];

function hostile(draft: RequestDraft, reason: string, change: Partial<RequestDraft>): RequestDraft {
  return { ...draft, ...change, reason, mustFail: false };
}

/** Deterministic hostile drafts for `operation`, built on a few valid drafts drawn with `seed`. */
export function hostileExamples(operation: Operation, seed: number): RequestDraft[] {
  // A few bases: a field that precedes another in validation (an email before a name) may be
  // invalid in one base, and then the other field's NUL never reaches the database.
  const bases = fc.sample(validDraftArbitrary(operation), { seed, numRuns: 3 });
  const [first] = bases;
  if (first === undefined) return [];
  const examples: RequestDraft[] = [];
  for (const parameter of operation.parameters) {
    const label = `${parameter.in} parameter ${parameter.name}`;
    for (const value of STRINGS) {
      const reason = `${label}: hostile ${JSON.stringify(value)}`;
      if (parameter.in === 'path') examples.push(hostile(first, reason, { path: { ...first.path, [parameter.name]: value }, knownPick: undefined }));
      // Alone (with the required ones): another parameter's bad value must not stop the request first.
      const required = new Set(operation.parameters.filter((other) => other.required && other.name !== parameter.name).map((other) => other.name));
      if (parameter.in === 'query') examples.push(hostile(first, reason, { query: [...first.query.filter(([key]) => required.has(key)), [parameter.name, value]] }));
    }
    if (parameter.in === 'path') {
      for (const segment of RAW_SEGMENTS) {
        const path = { ...first.path, [parameter.name]: segment };
        examples.push(hostile(first, `raw path segment ${segment.slice(0, 40)}`, { path, rawPath: [parameter.name], knownPick: undefined }));
      }
    }
  }
  for (const base of bases) {
    const body = base.body;
    if (body?.kind === 'json') {
      for (let pick = 0; pick < countStrings(body.value); pick += 1) {
        for (const value of STRINGS) {
          const replaced = replaceStrings(body.value, pick, value);
          examples.push(hostile(base, `body.${replaced.path ?? ''}: hostile ${JSON.stringify(value)}`, { body: { kind: 'json', value: replaced.value } }));
        }
      }
    }
    if (body?.kind === 'multipart') {
      const parts = body.parts.map((part) => (part.filename === undefined ? part : { ...part, filename: `${NUL}.png` }));
      examples.push(hostile(base, `multipart filename ${JSON.stringify(`${NUL}.png`)}`, { body: { kind: 'multipart', parts } }));
    }
  }
  return examples;
}

function countStrings(value: unknown): number {
  if (typeof value === 'string') return 1;
  if (Array.isArray(value)) return value.reduce((sum: number, child) => sum + countStrings(child), 0);
  if (typeof value === 'object' && value !== null) return Object.values(value).reduce((sum: number, child) => sum + countStrings(child), 0);
  return 0;
}
